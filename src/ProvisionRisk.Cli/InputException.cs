namespace ProvisionRisk.Cli;

/// <summary>Bad input (a file that cannot be read or parsed): exit code 1, with a one-line message.</summary>
internal sealed class InputException(string message) : Exception(message);
