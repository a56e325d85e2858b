using System.Globalization;
using MoltBot.Agent.Budgets;
using MoltBot.Providers;
using MoltBot.Sessions;

namespace MoltBot.Agent;

/// <summary>
/// Slash commands handled by the gateway itself, never sent to the model:
/// <c>/new</c>, <c>/reset</c>, <c>/status</c>, <c>/model [ref]</c>.
/// </summary>
internal sealed class ChatCommands(SessionStore sessions, ModelRouter models, AgentBudgets budgets)
{
    public static bool IsCommand(string text) => TryParse(text, out _, out _);

    /// <summary>The reply to a chat command, or null when <paramref name="text"/> is not one.</summary>
    public string? TryHandle(string text, AgentProfile agent, SessionInfo session)
    {
        if (!TryParse(text, out var name, out var argument))
        {
            return null;
        }
        switch (name)
        {
            case "new":
            case "reset":
                sessions.Reset(session.Key, agent.Id);
                return $"Started a new session for {session.Key}. The previous conversation is kept in the transcript.";
            case "status":
                return Status(agent, session);
            default:
                return Model(argument, agent, session);
        }
    }

    private string Status(AgentProfile agent, SessionInfo session)
    {
        var live = sessions.LiveHistory(session.SessionId);
        var model = EffectiveModel(agent, session);
        var window = model is null ? "" : $" of {models.Describe(model).ContextWindow:N0}";
        return string.Create(CultureInfo.InvariantCulture, $"""
            Agent: {agent.Name} ({agent.Id})
            Session: {session.Key} ({session.SessionId})
            Model: {model ?? "none configured"}{(session.ModelOverride is null ? "" : " (set with /model)")}
            Messages: {live.Count(m => m.Kind == StoredMessage.MessageKind)} live{(live.Any(m => m.Kind == StoredMessage.SummaryKind) ? ", earlier turns compacted" : "")}
            Context: ~{live.Sum(m => TokenEstimator.Estimate(m.Message)):N0}{window} tokens
            {budgets.StatusLine(agent.Id)}
            """);
    }

    private string Model(string argument, AgentProfile agent, SessionInfo session)
    {
        if (argument.Length == 0)
        {
            return $"Model: {EffectiveModel(agent, session) ?? "none configured"}. Change it with /model <provider/model>, or /model default.";
        }
        if (argument is "default" or "reset")
        {
            sessions.SetModelOverride(session.Key, null);
            return $"Model reset to the agent default: {agent.PrimaryModel ?? "none configured"}.";
        }
        try
        {
            var parsed = models.Parse(argument);
            sessions.SetModelOverride(session.Key, parsed.ToString());
            return $"Model for this session set to {parsed}.";
        }
        catch (ModelRefException ex)
        {
            return ex.Message;
        }
    }

    private static string? EffectiveModel(AgentProfile agent, SessionInfo session) => session.ModelOverride ?? agent.PrimaryModel;

    private static bool TryParse(string text, out string name, out string argument)
    {
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        name = (space < 0 ? trimmed : trimmed[..space]).TrimStart('/').ToLowerInvariant();
        argument = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        return trimmed.StartsWith('/') && name is "new" or "reset" or "status" or "model";
    }
}
