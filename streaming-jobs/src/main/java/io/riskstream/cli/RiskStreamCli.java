package io.riskstream.cli;

import java.util.ServiceLoader;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code riskstream} command line; {@code ./riskstream} at the repository root runs it. */
@Command(
    name = "riskstream",
    mixinStandardHelpOptions = true,
    version = "riskstream 0.1.0",
    description = "Streaming online learning against payment fraud on Kafka, Flink and DJL.",
    subcommands = {
      DemoCommand.class,
      DashboardCommand.class,
      ProduceCommand.class,
      TailCommand.class,
      FeaturesCommand.class,
      BenchCommand.class,
      ModelCommand.class,
      DeployCommand.class
    })
public final class RiskStreamCli {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line; bad arguments print one line naming the problem. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RiskStreamCli());
    for (CommandExtension extension : ServiceLoader.load(CommandExtension.class)) {
      cli.addSubcommand(extension);
    }
    cli.setParameterExceptionHandler(
        (ex, argv) -> {
          ex.getCommandLine().getErr().println("riskstream: " + ex.getMessage());
          ex.getCommandLine()
              .getErr()
              .println(
                  "Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return 2;
        });
    // A bad value found while running (e.g. a non-empty --data-dir) is one line, not a trace.
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("riskstream: " + ex.getMessage());
            return 2;
          }
          throw ex;
        });
    return cli;
  }
}
