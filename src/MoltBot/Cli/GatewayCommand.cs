using System.CommandLine;
using System.Globalization;
using MoltBot.Configuration;
using MoltBot.Gateway;
using MoltBot.Hosting;

namespace MoltBot.Cli;

internal static class GatewayCommand
{
    public static Command Create()
    {
        var port = new Option<int?>("--port") { Description = "Port to listen on (default 18789; env MOLTBOT_GATEWAY_PORT)." };
        var bind = new Option<string?>("--bind") { Description = "loopback (default), lan, or an IP address." };
        var command = new Command("gateway", "Run the gateway: channels, agent, HTTP API and Control UI on one port.") { port, bind };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var overrides = new Dictionary<string, string>();
            if (parse.GetValue(port) is { } p)
            {
                overrides["gateway.port"] = p.ToString(CultureInfo.InvariantCulture);
            }
            if (parse.GetValue(bind) is { } b)
            {
                overrides["gateway.bind"] = b;
            }
            if (CliContext.TryLoad(overrides, Console.Error) is not { } loaded)
            {
                return CliContext.ConfigErrorExitCode;
            }
            // Log lines leave on a thread of their own; whatever is queued is written before the process ends.
            using var output = new BackgroundLineWriter(Console.Out);
            AppDomain.CurrentDomain.UnhandledException += (_, _) => output.Flush();
            try
            {
                await using var app = GatewayApp.Build(loaded, new GatewayHostOptions { Output = output });
                await app.RunAsync(cancellationToken);
                return 0;
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return CliContext.ConfigErrorExitCode;
            }
            catch (IOException ex) when (ex.InnerException is System.Net.Sockets.SocketException || ex.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await Console.Error.WriteLineAsync(
                    $"Port {loaded.Config.Gateway.Port} is already in use. Is another gateway running? Stop it, or start this one with --port <n>.");
                return 1;
            }
        });
        return command;
    }
}
