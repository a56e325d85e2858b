using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Providers;

/// <summary>
/// Tries the primary client, then each fallback in order, when a call fails with a <see cref="ProviderException"/>
/// (after that client's own retries). Streaming calls fail over only until the first update has been yielded.
/// When every client fails, one failure is rethrown as is; several become a <see cref="ModelFailoverException"/>.
/// </summary>
internal sealed partial class FailoverChatClient(IChatClient primary, IReadOnlyList<IChatClient> fallbacks, ILogger logger)
    : DelegatingChatClient(primary)
{
    private IEnumerable<IChatClient> Candidates => [InnerClient, .. fallbacks];

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var failures = new List<(string Model, Exception Error)>();
        foreach (var client in Candidates)
        {
            try
            {
                return await client.GetResponseAsync(list, options, cancellationToken);
            }
            catch (ProviderException ex)
            {
                Failed(failures, client, ex);
            }
        }
        throw Exhausted(failures);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var list = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var failures = new List<(string Model, Exception Error)>();
        foreach (var client in Candidates)
        {
            var updates = client.GetStreamingResponseAsync(list, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            bool hasFirst;
            try
            {
                hasFirst = await MoveFirstAsync(updates);
            }
            catch (ProviderException ex)
            {
                Failed(failures, client, ex);
                continue;
            }
            await using (updates)
            {
                if (!hasFirst)
                {
                    yield break;
                }
                yield return updates.Current;
                while (await updates.MoveNextAsync())
                {
                    yield return updates.Current;
                }
            }
            yield break;
        }
        throw Exhausted(failures);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var fallback in fallbacks)
            {
                fallback.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    private static async Task<bool> MoveFirstAsync(IAsyncEnumerator<ChatResponseUpdate> updates)
    {
        try
        {
            return await updates.MoveNextAsync();
        }
        catch
        {
            await updates.DisposeAsync();
            throw;
        }
    }

    private void Failed(List<(string Model, Exception Error)> failures, IChatClient client, ProviderException error)
    {
        var name = NameOf(client);
        failures.Add((name, error));
        if (failures.Count <= fallbacks.Count)
        {
            LogFailingOver(logger, name, error.StatusCode, error.Message);
        }
    }

    private static Exception Exhausted(List<(string Model, Exception Error)> failures) =>
        failures.Count == 1 ? failures[0].Error : new ModelFailoverException(failures);

    private static string NameOf(IChatClient client) =>
        client.GetService<ChatClientMetadata>() is { } m ? $"{m.ProviderName}/{m.DefaultModelId}" : client.GetType().Name;

    [LoggerMessage(EventId = 1111, EventName = EventNames.ModelFailover, Level = LogLevel.Warning, Message = "{Model} failed (HTTP {Status}); trying the next fallback model. {Error}")]
    private static partial void LogFailingOver(ILogger logger, string model, int? status, string error);
}
