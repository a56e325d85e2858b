using System.CommandLine;

namespace MoltBot.Cli;

internal static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "STUB");
        command.SetAction(_ => 1);
        return command;
    }
}
