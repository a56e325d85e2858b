using System.CommandLine;

namespace MoltBot.Cli;

internal static class AgentCommand
{
    public static Command Create()
    {
        var message = new Option<string>("--message", "-m") { Description = "The message to send.", Required = true };
        var session = new Option<string?>("--session") { Description = "Session key (default: the agent's main session, agent:<id>:main)." };
        var agent = new Option<string?>("--agent") { Description = "Agent id (default: the default agent)." };
        var local = new Option<bool>("--local") { Description = "Run the turn in this process instead of through the running gateway." };
        var command = new Command("agent", "Send one message to the agent and print the reply (streamed).") { message, session, agent, local };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (CliContext.TryLoad(null, Console.Error) is not { } loaded)
            {
                return CliContext.ConfigErrorExitCode;
            }
            var turn = new Agent.AgentTurnRequest(parse.GetRequiredValue(message), parse.GetValue(agent), parse.GetValue(session));
            return parse.GetValue(local)
                ? await AgentTurnClient.RunLocalAsync(loaded, turn, Console.Out, Console.Error, cancellationToken)
                : await AgentTurnClient.RunRemoteAsync(loaded, turn, Console.Out, Console.Error, cancellationToken);
        });
        return command;
    }
}
