using System.CommandLine;

namespace MoltBot.Cli;

internal static class GatewayCommand
{
    public static Command Create()
    {
        var command = new Command("gateway", "Run the gateway: channels, agent, HTTP API and Control UI on one port.");
        command.SetAction(_ => 1);
        return command;
    }
}
