using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MoltBot.Channels.Discord.JsonModels;

namespace MoltBot.Channels.Discord.Gateway;

/// <summary>One gateway connection: HELLO, IDENTIFY or RESUME, heartbeats, and the receive loop.</summary>
internal sealed partial class DiscordGatewayClient
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);

    private async Task<GatewayConnectionResult> RunConnectionAsync(
        Uri url, bool resume, ChannelWriter<DiscordInboundMessage> inbox, CancellationToken cancellationToken)
    {
        using var socket = new GatewaySocket(await sockets.ConnectAsync(WithVersion(url), cancellationToken), time);
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        lock (_gate)
        {
            _connection = connection;
            _reauthenticating = false;
        }
        var heartbeat = new HeartbeatState();
        Task? heartbeats = null;
        var wasReady = false;
        try
        {
            GatewayFrame hello;
            using (var helloTimeout = new CancellationTokenSource(HelloTimeout, time))
            using (var helloOrStop = CancellationTokenSource.CreateLinkedTokenSource(connection.Token, helloTimeout.Token))
            {
                hello = await socket.ReceiveAsync(helloOrStop.Token);
            }
            if (hello.IsClose)
            {
                return FromClose(hello, wasReady);
            }
            if (hello.Payload!.Opcode != (int)GatewayOpcode.Hello)
            {
                await socket.CloseAsync(GatewayCloseCodes.UnknownError, "expected HELLO");
                return new GatewayConnectionResult(GatewayNextStep.Resume, $"expected HELLO, got op {hello.Payload.Opcode}", false);
            }
            var interval = TimeSpan.FromMilliseconds(hello.Payload.Data.Deserialize(DiscordJsonContext.Default.JsonHello)!.HeartbeatInterval);
            heartbeats = HeartbeatAsync(socket, interval, heartbeat, connection.Token);

            if (resume)
            {
                await SendResumeAsync(socket, connection.Token);
            }
            else
            {
                await SendIdentifyAsync(socket, connection.Token);
            }

            while (true)
            {
                var frame = await socket.ReceiveAsync(connection.Token);
                if (heartbeat.Zombie)
                {
                    return new GatewayConnectionResult(GatewayNextStep.Resume, "heartbeat not acknowledged", wasReady);
                }
                if (frame.IsClose)
                {
                    return FromClose(frame, wasReady);
                }
                var payload = frame.Payload!;
                switch ((GatewayOpcode)payload.Opcode)
                {
                    case GatewayOpcode.Dispatch:
                        wasReady |= OnDispatch(payload, inbox);
                        break;
                    case GatewayOpcode.Heartbeat:
                        await SendHeartbeatAsync(socket, connection.Token);
                        break;
                    case GatewayOpcode.HeartbeatAck:
                        heartbeat.Acknowledged = true;
                        if (logger.IsEnabled(LogLevel.Debug))
                        {
                            logger.HeartbeatAcknowledged((long)(time.GetUtcNow() - heartbeat.SentAt).TotalMilliseconds);
                        }
                        break;
                    case GatewayOpcode.Reconnect:
                        await socket.CloseAsync(GatewayCloseCodes.UnknownError, "reconnect requested");
                        return new GatewayConnectionResult(GatewayNextStep.Resume, "discord asked to reconnect (op 7)", wasReady, TimeSpan.Zero);
                    case GatewayOpcode.InvalidSession:
                        var resumable = payload.Data.ValueKind == JsonValueKind.True;
                        logger.SessionInvalidated(resumable);
                        await socket.CloseAsync(resumable ? GatewayCloseCodes.UnknownError : (int)WebSocketCloseStatus.NormalClosure, "invalid session");
                        return resumable
                            ? new GatewayConnectionResult(GatewayNextStep.Resume, "session invalidated (resumable)", wasReady, TimeSpan.Zero)
                            : new GatewayConnectionResult(GatewayNextStep.Identify, "session invalidated", wasReady,
                                options.ReconnectDelay * (1 + (4 * random.NextDouble())));
                    default:
                        break;
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException
            && ReauthenticationRequested() && !cancellationToken.IsCancellationRequested)
        {
            // The token was rotated: a session belongs to the token it was identified with, so start a new one. Cancelling
            // the connection aborts the socket, so the receive loop may see either the cancellation or the aborted socket.
            await socket.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "token rotated");
            return new GatewayConnectionResult(GatewayNextStep.Identify, "bot token rotated; identifying with the new token", wasReady, TimeSpan.Zero);
        }
        catch (Exception exception) when (heartbeat.Zombie && exception is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new GatewayConnectionResult(GatewayNextStep.Resume, "heartbeat not acknowledged", wasReady);
        }
        catch (WebSocketException exception)
        {
            return new GatewayConnectionResult(GatewayNextStep.Resume, $"connection lost: {exception.Message}", wasReady);
        }
        finally
        {
            lock (_gate)
            {
                _connection = null;
            }
            await connection.CancelAsync();
            if (heartbeats is not null)
            {
                await heartbeats;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                await socket.CloseAsync((int)WebSocketCloseStatus.NormalClosure, "shutting down");
            }
        }
    }

    /// <summary>Handles a dispatch; true when it is READY or RESUMED.</summary>
    private bool OnDispatch(JsonGatewayPayload payload, ChannelWriter<DiscordInboundMessage> inbox)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            _sequence = payload.Sequence ?? _sequence;
            _status = _status with { LastSequence = _sequence, LastEventAt = now };
        }
        try
        {
            switch (payload.EventName)
            {
                case "READY":
                    var ready = payload.Data.Deserialize(DiscordJsonContext.Default.JsonReady)!;
                    lock (_gate)
                    {
                        _sessionId = ready.SessionId;
                        _resumeUrl = Uri.TryCreate(ready.ResumeGatewayUrl, UriKind.Absolute, out var resumeUrl) ? resumeUrl : null;
                        _botUserId = ready.User.Id;
                        _status = _status with
                        {
                            Connected = true, BotUserId = ready.User.Id, BotUsername = ready.User.Username, SessionId = ready.SessionId, LastError = null,
                        };
                    }
                    logger.Connected(ready.User.Id);
                    return true;
                case "RESUMED":
                    Update(s => s with { Connected = true, LastError = null });
                    logger.Resumed(payload.Sequence ?? Status.LastSequence);
                    return true;
                case "MESSAGE_CREATE":
                    var message = payload.Data.Deserialize(DiscordJsonContext.Default.JsonMessage)!;
                    inbox.TryWrite(ToInbound(message, payload.Sequence ?? 0));
                    return false;
                default:
                    return false;
            }
        }
        catch (Exception exception) when (exception is JsonException or NullReferenceException)
        {
            logger.MalformedFrame(payload.Opcode, payload.EventName, exception);
            return false;
        }
    }

    private DiscordInboundMessage ToInbound(JsonMessage message, long sequence)
    {
        string? botId;
        lock (_gate)
        {
            botId = _botUserId;
        }
        var author = message.Author ?? new JsonUser();
        return new DiscordInboundMessage(
            message.Id,
            message.ChannelId,
            message.GuildId,
            author.Id,
            author.Bot ?? false,
            author.Username,
            message.Content ?? "",
            botId is not null && (message.Mentions?.Exists(u => u.Id == botId) ?? false),
            message.MessageReference?.MessageId,
            sequence);
    }

    private static GatewayConnectionResult FromClose(GatewayFrame close, bool wasReady)
    {
        var code = close.CloseCode ?? (int)WebSocketCloseStatus.Empty;
        var (next, fatal) = GatewayCloseCodes.Classify(code);
        var reason = fatal ?? $"gateway closed with {code}" + (string.IsNullOrEmpty(close.CloseReason) ? "" : $" ({close.CloseReason})");
        return new GatewayConnectionResult(next, reason, wasReady, CloseCode: code);
    }

    /// <summary>First beat after interval × jitter, then every interval; a beat still unacknowledged when the next
    /// one is due marks the connection a zombie and closes it (non-1000, so the session stays resumable).</summary>
    private async Task HeartbeatAsync(GatewaySocket socket, TimeSpan interval, HeartbeatState state, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(interval * random.NextDouble(), time, cancellationToken);
            while (true)
            {
                if (!state.Acknowledged)
                {
                    state.Zombie = true;
                    logger.HeartbeatMissed();
                    await socket.CloseAsync(GatewayCloseCodes.UnknownError, "heartbeat ACK missed");
                    return;
                }
                state.Acknowledged = false;
                state.SentAt = time.GetUtcNow();
                await SendHeartbeatAsync(socket, cancellationToken);
                await Task.Delay(interval, time, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The connection ended; the receive loop reports why.
        }
    }

    private Task SendHeartbeatAsync(GatewaySocket socket, CancellationToken cancellationToken)
    {
        long? sequence;
        lock (_gate)
        {
            sequence = _sequence;
        }
        return socket.SendAsync(new JsonHeartbeatPayload { Sequence = sequence }, DiscordJsonContext.Default.JsonHeartbeatPayload, cancellationToken);
    }

    private Task SendIdentifyAsync(GatewaySocket socket, CancellationToken cancellationToken) => socket.SendAsync(
        new JsonIdentifyPayload
        {
            Data = new JsonIdentify
            {
                Token = Authenticating(),
                Intents = (int)options.Intents,
                Properties = new JsonIdentifyProperties { OperatingSystem = Environment.OSVersion.Platform.ToString().ToLowerInvariant(), Browser = "moltbot", Device = "moltbot" },
            },
        },
        DiscordJsonContext.Default.JsonIdentifyPayload,
        cancellationToken);

    private Task SendResumeAsync(GatewaySocket socket, CancellationToken cancellationToken)
    {
        JsonResume resume;
        lock (_gate)
        {
            resume = new JsonResume { Token = Authenticating(), SessionId = _sessionId!, Sequence = _sequence };
        }
        return socket.SendAsync(new JsonResumePayload { Data = resume }, DiscordJsonContext.Default.JsonResumePayload, cancellationToken);
    }

    /// <summary>The current token, remembered as the one this connection authenticates with.</summary>
    private string Authenticating()
    {
        var token = options.CurrentToken;
        _authenticatedWith = token;
        return token;
    }

    private bool ReauthenticationRequested()
    {
        lock (_gate)
        {
            return _reauthenticating;
        }
    }

    private static Uri WithVersion(Uri url)
    {
        var builder = new UriBuilder(url) { Query = "v=10&encoding=json" };
        if (builder.Path.Length == 0)
        {
            builder.Path = "/";
        }
        return builder.Uri;
    }

    private sealed class HeartbeatState
    {
        private volatile bool _acknowledged = true;
        private volatile bool _zombie;

        public DateTimeOffset SentAt { get; set; }

        public bool Acknowledged
        {
            get => _acknowledged;
            set => _acknowledged = value;
        }

        public bool Zombie
        {
            get => _zombie;
            set => _zombie = value;
        }
    }
}
