using System.CommandLine;

namespace MoltBot.Cli;

internal static class ConfigCommand
{
    public static Command Create()
    {
        var command = new Command("config", "STUB");
        command.SetAction(_ => 1);
        return command;
    }
}
