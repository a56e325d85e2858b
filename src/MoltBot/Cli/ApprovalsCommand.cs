using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using MoltBot.Agent.Tools.Approvals;

namespace MoltBot.Cli;

/// <summary><c>moltbot approvals list|approve &lt;id&gt;|deny &lt;id&gt;</c>: answers the running gateway's exec approval requests.</summary>
internal static class ApprovalsCommand
{
    public static Command Create()
    {
        var command = new Command("approvals", "List, approve or deny commands the agent wants to run.");
        var list = new Command("list", "Show the commands waiting for approval.");
        list.SetAction((_, ct) => RunAsync(null, null, ct));
        command.Subcommands.Add(list);
        foreach (var verb in new[] { "approve", "deny" })
        {
            var id = new Argument<string>("id") { Description = "The request id (from the chat message or `moltbot approvals list`)." };
            var answer = new Command(verb, verb == "approve" ? "Let the command run." : "Refuse the command.") { id };
            answer.SetAction((parse, ct) => RunAsync(verb, parse.GetValue(id), ct));
            command.Subcommands.Add(answer);
        }
        return command;
    }

    private static async Task<int> RunAsync(string? verb, string? id, CancellationToken cancellationToken)
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
        try
        {
            using var response = verb is null
                ? await http.GetAsync("api/approvals", cancellationToken)
                : await http.PostAsync($"api/approvals/{Uri.EscapeDataString(id ?? "")}/{verb}", null, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await Console.Error.WriteLineAsync("The gateway rejected the token. Check gateway.auth.token / MOLTBOT_GATEWAY_TOKEN match the running gateway.");
                return 1;
            }
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (verb is not null)
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    await Console.Error.WriteLineAsync($"No pending approval '{id}' (it may have expired or been answered). `moltbot approvals list` shows what waits.");
                    return 1;
                }
                Console.WriteLine(verb == "approve" ? $"Approved {id}." : $"Denied {id}.");
                return 0;
            }
            var pending = JsonSerializer.Deserialize(body, ApprovalsJsonContext.Default.ApprovalList)!.Approvals;
            Console.WriteLine(pending.Count == 0 ? "No command is waiting for approval." : "Waiting for approval:");
            foreach (var a in pending)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {a.Id}  agent {a.AgentId}  expires {a.ExpiresAt:HH:mm:ss} UTC  {a.Command}"));
            }
            return 0;
        }
        catch (HttpRequestException)
        {
            await Console.Error.WriteLineAsync(GatewayConnection.Unreachable(loaded));
            return 1;
        }
    }
}
