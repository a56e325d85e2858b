using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Agent;
using MoltBot.Channels.Access;
using MoltBot.Channels.RateLimits;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;
using MoltBot.Sessions;
using MoltBot.Security.Redaction;

namespace MoltBot.Channels.Delivery;

/// <summary>
/// The path of every channel message: de-duplicate → access control → per-sender rate limit → durable acceptance →
/// agent turn → outbox.
/// <see cref="Accept"/> returns once the message is recorded, so an adapter acknowledges upstream (Telegram's offset)
/// only after that. Turns still pending when the gateway stopped are re-run at start-up, without storing the
/// user's message twice, and their reply is queued exactly once.
/// </summary>
internal sealed partial class ChannelDispatcher(
    ChannelDeliveryStore delivery,
    DmAccessGate gate,
    AgentRunner runner,
    AgentCatalog agents,
    IEnumerable<IChannelSender> senders,
    OutboxWorker outbox,
    ILogger<ChannelDispatcher> logger,
    IEnumerable<ITypingIndicator> typingIndicators,
    ChannelApprovalCommands approvalCommands,
    MessageTraffic traffic,
    SenderRateGuard rateGuard,
    IAuditLog audit,
    ISecretRedactor redactor) : IHostedService, IDisposable
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly Dictionary<string, ITypingIndicator> _typing = typingIndicators.ToDictionary(t => t.Channel, StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];

    public DispatchResult Accept(InboundMessage message, DmAccessOptions access)
    {
        if (delivery.Contains(message.Channel, message.MessageId))
        {
            return DispatchResult.Duplicate;
        }
        traffic.Received(message.Channel);
        if (message.IsDirect)
        {
            switch (gate.Evaluate(message.Channel, message.SenderId, access))
            {
                case AccessDecision.Denied denied:
                    delivery.TryRecord(message, ChannelDeliveryStore.Denied, null);
                    LogDenied(logger, message.Channel, message.SenderId, denied.Reason);
                    traffic.Denied(message.Channel, "access");
                    audit.Record(new AuditEvent(AuditEventTypes.SenderDenied, $"{message.Channel}:{message.SenderId}", Detail: denied.Reason));
                    return DispatchResult.Denied;
                case AccessDecision.PairingChallenge challenge:
                    if (delivery.TryRecord(message, ChannelDeliveryStore.Denied, null) && challenge.IsNew)
                    {
                        delivery.Enqueue(message.Channel, message.ChatId, message.MessageId, [DmAccessGate.PairingMessage(message.Channel, challenge)]);
                        outbox.Wake();
                        audit.Record(new AuditEvent(AuditEventTypes.PairingRequested, $"{message.Channel}:{message.SenderId}"));
                    }
                    LogPairing(logger, message.Channel, message.SenderId);
                    traffic.Denied(message.Channel, "pairing");
                    return DispatchResult.PairingChallenged;
            }
        }

        // Answered here, not as a turn: the turn waiting for the approval holds the session lane.
        if (approvalCommands.TryAnswer(message, access))
        {
            return DispatchResult.Accepted;
        }

        // The owner too: a stuck client or a compromised account must not run up the model bill. Limited messages are
        // recorded as denied, so a restart does not run them; the sender hears about it once per limited window.
        if (rateGuard.Check(message.Channel, message.SenderId) is { Allowed: false } limited)
        {
            if (delivery.TryRecord(message, ChannelDeliveryStore.Denied, null) && limited.FirstInWindow)
            {
                delivery.Enqueue(message.Channel, message.ChatId, message.MessageId, [limited.Notice]);
                outbox.Wake();
            }
            return DispatchResult.RateLimited;
        }

        var sessionKey = message.IsDirect
            ? SessionKey.Direct(agents.Default.Id, message.Channel, message.SenderId)
            : $"agent:{agents.Default.Id}:{message.Channel}:group:{message.ChatId}";
        if (!delivery.TryRecord(message, ChannelDeliveryStore.Accepted, sessionKey))
        {
            return DispatchResult.Duplicate;
        }
        Start(new PendingTurn(message, sessionKey));
        return DispatchResult.Accepted;
    }

    /// <summary>Re-runs turns the last process accepted but did not answer.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var turn in delivery.PendingTurns())
        {
            LogResuming(logger, turn.Message.Channel, turn.Message.MessageId);
            Start(turn);
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_running)
        {
            running = [.. _running];
        }
        await Task.WhenAll(running).WaitAsync(cancellationToken);
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Waits for the turns in flight (tests and shutdown).</summary>
    internal Task IdleAsync()
    {
        lock (_running)
        {
            return Task.WhenAll([.. _running]);
        }
    }

    private void Start(PendingTurn turn)
    {
        // RunAsync enters the session lane before its first await, so turns of one session keep arrival order.
        var task = RunTurnAsync(turn);
        lock (_running)
        {
            _running.Add(task);
        }
        _ = task.ContinueWith(t =>
        {
            lock (_running)
            {
                _running.Remove(t);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task RunTurnAsync(PendingTurn turn)
    {
        var message = turn.Message;
        var sender = _senders.GetValueOrDefault(message.Channel);
        using var typing = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        var typingTask = _typing.TryGetValue(message.Channel, out var indicator) ? indicator.KeepTypingAsync(message.ChatId, typing.Token) : Task.CompletedTask;
        try
        {
            var request = new AgentTurnRequest(message.Text, SessionKey: turn.SessionKey, SourceId: $"{message.Channel}:{message.MessageId}",
                Channel: message.Channel, ChatId: message.ChatId);
            var result = await runner.RunAsync(request, null, _stopping.Token);
            delivery.CompleteTurn(message, sender?.Split(result.Text) ?? [result.Text]);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return; // stays accepted: the next start re-runs it
        }
        catch (Exception ex)
        {
            LogTurnFailed(logger, message.Channel, message.MessageId, ex);
            delivery.CompleteTurn(message, [redactor.Redact($"Sorry, I could not answer that: {ex.Message}")]);
        }
        finally
        {
            await typing.CancelAsync();
            await typingTask;
        }
        outbox.Wake();
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.ChannelMessageDenied, Level = LogLevel.Information, Message = "denied a message on {Channel} from {SenderId}: {Reason}")]
    private static partial void LogDenied(ILogger logger, string channel, string senderId, string reason);

    [LoggerMessage(EventId = 2, EventName = EventNames.PairingRequested, Level = LogLevel.Information,
        Message = "pairing requested on {Channel} by {SenderId}; approve with `moltbot pairing approve {Channel} <code>` (`moltbot pairing list`)")]
    private static partial void LogPairing(ILogger logger, string channel, string senderId);

    [LoggerMessage(EventId = 3, EventName = EventNames.TurnResumed, Level = LogLevel.Information, Message = "re-running the unanswered {Channel} message {MessageId}")]
    private static partial void LogResuming(ILogger logger, string channel, string messageId);

    [LoggerMessage(EventId = 4, EventName = EventNames.ChannelTurnFailed, Level = LogLevel.Warning, Message = "turn for {Channel} message {MessageId} failed")]
    private static partial void LogTurnFailed(ILogger logger, string channel, string messageId, Exception exception);
}
