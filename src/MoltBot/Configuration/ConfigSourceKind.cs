namespace MoltBot.Configuration;

internal enum ConfigSourceKind
{
    Default,
    File,
    Environment,
    Flag,
}
