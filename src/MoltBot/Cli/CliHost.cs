using MoltBot.Configuration;

namespace MoltBot.Cli;

/// <summary>What a verb reads from outside besides its arguments: the environment and the clock. Tests pass their own.</summary>
internal sealed record CliHost(IReadOnlyDictionary<string, string?> Environment, TimeProvider Time)
{
    public static CliHost FromProcess() => new(ProcessEnvironment.Snapshot(), TimeProvider.System);

    public LoadedConfig? TryLoad(TextWriter error)
    {
        try
        {
            return ConfigLoader.Load(new ConfigLoadRequest(Environment, new Dictionary<string, string>()));
        }
        catch (ConfigException ex)
        {
            error.WriteLine(ex.Message);
            error.WriteLine("Run `moltbot config validate` after fixing; `docs/configuration.md` lists every key.");
            return null;
        }
    }
}
