package io.riskstream.cli;

/**
 * A {@code riskstream} subcommand that lives in a module built on top of this one (e.g. {@code
 * evaluate} in bench/, which needs XGBoost and MOA that the job jars must not carry).
 * Implementations are picocli {@code @Command} classes listed in {@code META-INF/services}; the
 * command line adds each one it finds on the classpath.
 */
public interface CommandExtension {}
