using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Providers;

/// <summary>
/// Retries transient <see cref="ProviderException"/>s and timeouts with exponential backoff and jitter, honouring the
/// provider's <c>Retry-After</c>. Delays and timeouts run on the injected <see cref="TimeProvider"/>.
/// Streaming calls are retried only until the first update has been yielded.
/// </summary>
internal sealed partial class RetryingChatClient(IChatClient innerClient, TimeProvider timeProvider, RetryOptions options, ILogger logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            ProviderException error;
            try
            {
                return await base.GetResponseAsync(list, chatOptions, linked.Token);
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                error = TimedOut(ex);
            }
            catch (ProviderException ex) when (ex.IsTransient)
            {
                error = ex;
            }
            await DelayOrThrowAsync(attempt, error, cancellationToken);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        for (var attempt = 1; ; attempt++)
        {
            using var timeout = new CancellationTokenSource(options.AttemptTimeout, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var (updates, hasFirst, error) = await StartAsync(list, chatOptions, timeout, linked.Token, cancellationToken);
            if (error is not null)
            {
                await DelayOrThrowAsync(attempt, error, cancellationToken);
                continue;
            }
            await using (updates)
            {
                // From here on the caller has seen output: no more timeouts or retries.
                timeout.CancelAfter(Timeout.InfiniteTimeSpan);
                if (!hasFirst)
                {
                    yield break;
                }
                yield return updates!.Current;
                while (await updates.MoveNextAsync())
                {
                    yield return updates.Current;
                }
            }
            yield break;
        }
    }

    private async Task<(IAsyncEnumerator<ChatResponseUpdate>? Updates, bool HasFirst, ProviderException? Error)> StartAsync(
        IReadOnlyCollection<ChatMessage> messages, ChatOptions? chatOptions, CancellationTokenSource timeout, CancellationToken linked, CancellationToken cancellationToken)
    {
        var updates = base.GetStreamingResponseAsync(messages, chatOptions, linked).GetAsyncEnumerator(linked);
        try
        {
            return (updates, await updates.MoveNextAsync(), null);
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            await updates.DisposeAsync();
            return (null, false, TimedOut(ex));
        }
        catch (ProviderException ex) when (ex.IsTransient)
        {
            await updates.DisposeAsync();
            return (null, false, ex);
        }
        catch
        {
            await updates.DisposeAsync();
            throw;
        }
    }

    private async Task DelayOrThrowAsync(int attempt, ProviderException error, CancellationToken cancellationToken)
    {
        if (attempt >= options.MaxAttempts)
        {
            throw error;
        }
        if (error.RetryAfter > options.MaxRetryAfter)
        {
            LogRetryAfterTooLong(logger, Name, error.RetryAfter.Value, options.MaxRetryAfter);
            throw error;
        }
        var delay = options.DelayFor(attempt, error.RetryAfter);
        LogRetrying(logger, Name, attempt, options.MaxAttempts, error.StatusCode, delay, error.Message);
        await Task.Delay(delay, timeProvider, cancellationToken);
    }

    private ProviderException TimedOut(OperationCanceledException ex) =>
        ProviderErrors.Timeout(this.GetService<ChatClientMetadata>()?.ProviderName ?? "unknown", Name, options.AttemptTimeout, ex);

    private string Name => this.GetService<ChatClientMetadata>() is { } m ? $"{m.ProviderName}/{m.DefaultModelId}" : "model";

    [LoggerMessage(EventId = 1101, EventName = EventNames.ModelRetrying, Level = LogLevel.Warning, Message = "{Model}: attempt {Attempt}/{MaxAttempts} failed (HTTP {Status}); retrying in {Delay}. {Error}")]
    private static partial void LogRetrying(ILogger logger, string model, int attempt, int maxAttempts, int? status, TimeSpan delay, string error);

    [LoggerMessage(EventId = 1102, EventName = EventNames.ModelRetryAfterTooLong, Level = LogLevel.Warning, Message = "{Model}: the provider asked to wait {RetryAfter}, longer than the {MaxRetryAfter} limit; not retrying.")]
    private static partial void LogRetryAfterTooLong(ILogger logger, string model, TimeSpan retryAfter, TimeSpan maxRetryAfter);
}
