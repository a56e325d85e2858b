using MoltBot.Configuration;

namespace MoltBot.Cli;

/// <summary>What every verb needs: the effective config, or a readable failure and an exit code.</summary>
internal static class CliContext
{
    public const int ConfigErrorExitCode = 2;

    public static LoadedConfig? TryLoad(IReadOnlyDictionary<string, string>? cliOverrides, TextWriter error)
    {
        try
        {
            return ConfigLoader.Load(ConfigLoadRequest.FromProcess(cliOverrides));
        }
        catch (ConfigException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("Run `moltbot config validate` after fixing; `docs/configuration.md` lists every key.");
            return null;
        }
    }
}
