namespace ProvisionRisk.Cli;

/// <summary>Wrong usage of the command line: exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
