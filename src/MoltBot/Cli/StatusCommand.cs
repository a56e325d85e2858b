using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MoltBot.Gateway.Status;

namespace MoltBot.Cli;

/// <summary><c>moltbot status</c>: the running gateway's agents, channels (connected, last event, last error, reconnects) and MCP servers.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the raw JSON." };
        var command = new Command("status", "Show the running gateway's agents and channel connections.") { json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliContext.TryLoad(null, Console.Error) is not { } loaded)
            {
                return CliContext.ConfigErrorExitCode;
            }
            using var http = GatewayConnection.TryCreate(loaded, Console.Error);
            if (http is null)
            {
                return 1;
            }
            string body;
            try
            {
                using var response = await http.GetAsync("api/status", cancellationToken);
                if (response.StatusCode == HttpStatusCode.Unauthorized)
                {
                    await Console.Error.WriteLineAsync("The gateway rejected the token. Check gateway.auth.token / MOLTBOT_GATEWAY_TOKEN match the running gateway.");
                    return 1;
                }
                body = await response.Content.ReadAsStringAsync(cancellationToken);
            }
            catch (HttpRequestException)
            {
                await Console.Error.WriteLineAsync(GatewayConnection.Unreachable(loaded));
                return 1;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(body);
                return 0;
            }
            Print(JsonSerializer.Deserialize(body, StatusJsonContext.Default.GatewayStatus)!, Console.Out);
            return 0;
        });
        return command;
    }

    public static void Print(GatewayStatus status, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Gateway: up since {status.StartedAt:yyyy-MM-dd HH:mm:ss} UTC"));
        foreach (var agent in status.Agents)
        {
            output.WriteLine($"Agent {agent.Id} ({agent.Name}): {agent.Model ?? "no model configured"}");
        }
        if (status.Channels.Count == 0)
        {
            output.WriteLine("Channels: none configured (set DISCORD_BOT_TOKEN, see docs/configuration.md)");
        }
        foreach (var c in status.Channels)
        {
            var state = c.Stopped ? "STOPPED" : c.Connected ? "connected" : "reconnecting";
            var last = c.LastEventAt is { } at ? string.Create(CultureInfo.InvariantCulture, $", last event {at:HH:mm:ss}") : "";
            output.WriteLine($"Channel {c.Channel}: {state}{(c.Identity is null ? "" : " as " + c.Identity)}{last}, {c.Reconnects} reconnects{(c.LastError is null ? "" : ", last error: " + c.LastError)}");
        }
        foreach (var m in status.McpServers ?? [])
        {
            output.WriteLine($"MCP server {m.Name} ({m.Transport}): {m.State}, {m.Tools} tools{(m.LastError is null ? "" : ", last error: " + m.LastError)}");
        }
    }
}
