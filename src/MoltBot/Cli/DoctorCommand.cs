using System.CommandLine;

namespace MoltBot.Cli;

internal static class DoctorCommand
{
    public static Command Create()
    {
        var command = new Command("doctor", "STUB");
        command.SetAction(_ => 1);
        return command;
    }
}
