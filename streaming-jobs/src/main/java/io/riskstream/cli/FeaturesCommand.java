package io.riskstream.cli;

import picocli.CommandLine.Command;

/** {@code riskstream features …}: commands about the feature stages. */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    description = "Commands about the feature stages.",
    subcommands = {CheckReferenceCommand.class})
public final class FeaturesCommand {}
