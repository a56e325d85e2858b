using System.CommandLine;

namespace MoltBot.Cli;

internal static class AgentCommand
{
    public static Command Create()
    {
        var command = new Command("agent", "STUB");
        command.SetAction(_ => 1);
        return command;
    }
}
