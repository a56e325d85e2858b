using System.CommandLine;

namespace MoltBot.Cli;

internal static class MoltBotCli
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliHost.FromProcess(), new InvocationConfiguration());

    /// <summary>The same command tree with an explicit environment, clock and writers: the in-process entry point tests use.</summary>
    public static Task<int> RunAsync(string[] args, CliHost host, InvocationConfiguration invocation, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("MoltBot: your self-hosted personal AI assistant.")
        {
            GatewayCommand.Create(),
            AgentCommand.Create(),
            ConfigCommand.Create(),
            ModelsCommand.Create(),
            DoctorCommand.Create(host),
            PairingCommand.Create(),
            StatusCommand.Create(),
            AuditCommand.Create(host),
            SecurityCommand.Create(host),
            ApprovalsCommand.Create(),
            SkillsCommand.Create(),
        };
        return root.Parse(args).InvokeAsync(invocation, cancellationToken);
    }
}
