using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MoltBot.Channels.Discord.Rest;

namespace MoltBot.Channels.Discord.Gateway;

/// <summary>
/// The Discord gateway (v10, JSON): connects, identifies or resumes, heartbeats, reconnects with backoff, and hands
/// MESSAGE_CREATE dispatches to a handler. Fatal close codes (bad token, disallowed intents…) end <see cref="RunAsync"/>
/// with a <see cref="DiscordFatalException"/> instead of a retry loop.
/// </summary>
/// <remarks>
/// Inbound messages go through an awaited handler rather than a channel the consumer drains: the handler sees
/// messages one at a time in gateway order, and the next one is delivered only after it returned, so the consumer can
/// store each message durably before MoltBot moves on. Meanwhile the receive loop keeps reading, so heartbeats and
/// ACKs flow even while a handler is slow (a slow handler cannot zombie the connection); messages read but not yet
/// handled wait in memory in order, across reconnects. Replays are filtered by the <see cref="IDiscordMessageDeduplicator"/>.
/// </remarks>
internal sealed partial class DiscordGatewayClient(
    DiscordOptions options,
    DiscordRestClient rest,
    IDiscordWebSocketFactory sockets,
    IDiscordMessageDeduplicator deduplicator,
    TimeProvider time,
    Random random,
    ILogger logger)
{
    private readonly Lock _gate = new();
    private DiscordStatus _status = DiscordStatus.Initial;
    private string? _sessionId;
    private Uri? _resumeUrl;
    private long? _sequence;
    private string? _botUserId;
    private CancellationTokenSource? _connection;
    private bool _reauthenticating;
    private volatile string? _authenticatedWith;

    /// <summary>Drops the current connection and identifies again with <see cref="DiscordOptions.CurrentToken"/> (after a token rotation).</summary>
    public void Reauthenticate()
    {
        lock (_gate)
        {
            _reauthenticating = true;
            _connection?.Cancel();
        }
    }

    public DiscordStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>
    /// Runs until <paramref name="cancellationToken"/> is cancelled (then throws <see cref="OperationCanceledException"/>)
    /// or Discord refuses the bot for good (<see cref="DiscordFatalException"/>). Messages already received are still
    /// handed to <paramref name="onMessage"/> after a fatal error; on cancellation they are not.
    /// </summary>
    public async Task RunAsync(Func<DiscordInboundMessage, CancellationToken, ValueTask> onMessage, CancellationToken cancellationToken)
    {
        var inbox = Channel.CreateUnbounded<DiscordInboundMessage>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var dispatcher = DispatchAsync(inbox.Reader, onMessage, cancellationToken);
        try
        {
            await ConnectLoopAsync(inbox.Writer, cancellationToken);
        }
        finally
        {
            inbox.Writer.TryComplete();
            try
            {
                await dispatcher;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: undelivered messages are dropped with the process, as Discord would not replay them either.
            }
            Update(s => s with { Connected = false });
        }
    }

    private async Task ConnectLoopAsync(ChannelWriter<DiscordInboundMessage> inbox, CancellationToken cancellationToken)
    {
        Uri? gatewayUrl = null;
        var failures = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            GatewayConnectionResult result;
            try
            {
                Uri? resumeUrl;
                lock (_gate)
                {
                    resumeUrl = _sessionId is null ? null : _resumeUrl;
                }
                var url = resumeUrl ?? (gatewayUrl ??= await rest.GetGatewayBotAsync(cancellationToken));
                result = await RunConnectionAsync(url, resume: resumeUrl is not null, inbox, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (DiscordFatalException exception)
            {
                Update(s => s with { Connected = false, Fatal = true, LastError = ChannelErrorText.Redact(exception.Message, options.CurrentToken) });
                throw;
            }
            catch (Exception exception) when (exception is WebSocketException or HttpRequestException or DiscordRestException or IOException or JsonException or OperationCanceledException)
            {
                gatewayUrl = failures >= 2 ? null : gatewayUrl;
                result = new GatewayConnectionResult(GatewayNextStep.Resume, exception.Message, WasReady: false);
            }

            // A close reason or exception text is Discord's or the network's words: mask the token before status and logs see it.
            result = result with { Reason = ChannelErrorText.Redact(result.Reason, options.CurrentToken) };
            if (result.Next == GatewayNextStep.Fatal && _authenticatedWith is { } used && used != options.CurrentToken)
            {
                // Discord refused the old token (reset in the portal) but a new one has been configured since: use it.
                result = result with { Next = GatewayNextStep.Identify, Reason = result.Reason + "; retrying with the rotated token", Delay = TimeSpan.Zero };
            }
            if (result.Next == GatewayNextStep.Fatal)
            {
                Update(s => s with { Connected = false, Fatal = true, LastError = result.Reason });
                logger.Fatal(result.Reason);
                throw result.CloseCode is { } code ? new DiscordFatalException(result.Reason, code) : new DiscordFatalException(result.Reason);
            }
            if (result.Next == GatewayNextStep.Identify)
            {
                lock (_gate)
                {
                    _sessionId = null;
                    _resumeUrl = null;
                    _sequence = null;
                }
            }
            failures = result.WasReady ? 0 : failures + 1;
            var delay = result.Delay ?? Backoff(Math.Max(0, failures - 1));
            Update(s => s with { Connected = false, LastError = result.Reason, ReconnectCount = s.ReconnectCount + 1, SessionId = _sessionId });
            logger.Disconnected(result.Reason, (long)delay.TotalMilliseconds);
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, cancellationToken);
            }
        }
    }

    /// <summary><see cref="DiscordOptions.ReconnectDelay"/> doubled per failure, capped, times a jitter in [0.5, 1).</summary>
    private TimeSpan Backoff(int failures)
    {
        var capped = Math.Min(options.ReconnectDelay.TotalMilliseconds * Math.Pow(2, Math.Min(failures, 20)), options.MaxReconnectDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.5 + (random.NextDouble() / 2)));
    }

    private async Task DispatchAsync(ChannelReader<DiscordInboundMessage> inbox, Func<DiscordInboundMessage, CancellationToken, ValueTask> onMessage, CancellationToken cancellationToken)
    {
        await Task.Yield();
        await foreach (var message in inbox.ReadAllAsync(cancellationToken))
        {
            if (await deduplicator.IsHandledAsync(message.MessageId, cancellationToken))
            {
                logger.DuplicateSkipped(message.MessageId);
                continue;
            }
            try
            {
                await onMessage(message, cancellationToken);
                await deduplicator.MarkHandledAsync(message.MessageId, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception exception)
            {
                logger.HandlerFailed(message.MessageId, exception);
            }
        }
    }

    private void Update(Func<DiscordStatus, DiscordStatus> change)
    {
        lock (_gate)
        {
            _status = change(_status);
        }
    }
}
