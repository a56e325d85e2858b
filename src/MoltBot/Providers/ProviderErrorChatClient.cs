using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace MoltBot.Providers;

/// <summary>
/// Innermost decorator of every provider client: turns SDK and HTTP failures into <see cref="ProviderException"/>s
/// (so retry and failover see one error type) and names the client <c>provider/model</c>.
/// </summary>
internal sealed class ProviderErrorChatClient(IChatClient innerClient, ResolvedProvider provider, ModelRef modelRef, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    private readonly ChatClientMetadata _metadata = new(provider.Id, provider.BaseUrl, modelRef.ModelId);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex) when (Translate(ex) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            ChatResponseUpdate update;
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    yield break;
                }
                update = updates.Current;
            }
            catch (Exception ex) when (Translate(ex) is { } translated)
            {
                throw translated;
            }
            yield return update;
        }
    }

    public override object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? _metadata : base.GetService(serviceType, serviceKey);

    private ProviderException? Translate(Exception ex) => ex switch
    {
        ProviderException => null,
        ClientResultException { Status: 0 } c => ProviderErrors.Connection(provider, c.InnerException ?? c),
        ClientResultException c => FromClientResult(c),
        HttpRequestException h => ProviderErrors.Connection(provider, h),
        IOException io => ProviderErrors.Connection(provider, io),
        _ => null,
    };

    private ProviderException FromClientResult(ClientResultException ex)
    {
        var response = ex.GetRawResponse();
        string? body = null;
        try
        {
            body = response?.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            // The content was not buffered (streamed error); the status alone must do.
        }
        // The SDK exception is not chained: its message embeds the raw response body, which may echo the key.
        return ProviderErrors.FromResponse(
            provider, ex.Status,
            name => response is not null && response.Headers.TryGetValue(name, out var value) ? value : null,
            body, timeProvider.GetUtcNow());
    }
}
