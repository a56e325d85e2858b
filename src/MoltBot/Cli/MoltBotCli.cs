using System.CommandLine;

namespace MoltBot.Cli;

internal static class MoltBotCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("MoltBot: your self-hosted personal AI assistant.")
        {
            GatewayCommand.Create(),
            AgentCommand.Create(),
            ConfigCommand.Create(),
            ModelsCommand.Create(),
            DoctorCommand.Create(),
            PairingCommand.Create(),
            StatusCommand.Create(),
            SkillsCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
