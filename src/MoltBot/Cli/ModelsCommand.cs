using System.CommandLine;
using MoltBot.Configuration;

namespace MoltBot.Cli;

internal static class ModelsCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text." };
        var list = new Command("list", "List configured providers (keys shown only by their source), their models, and each agent's primary and fallbacks.")
        {
            json,
        };
        list.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            try
            {
                var loaded = ConfigLoader.Load(ConfigLoadRequest.FromProcess());
                return ModelsList.Write(loaded.Config, output, parseResult.GetValue(json));
            }
            catch (ConfigException ex)
            {
                parseResult.InvocationConfiguration.Error.WriteLine(ex.Message);
                return 1;
            }
        });
        return new Command("models", "Inspect model providers and model refs.") { list };
    }
}
