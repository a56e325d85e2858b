using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace MoltBot.Providers.Anthropic;

/// <summary>
/// A small Anthropic Messages API client (<c>POST {baseUrl}/v1/messages</c>, <c>x-api-key</c>, <c>anthropic-version</c>)
/// over <see cref="HttpClient"/> with source-generated JSON, because the official SDK is not trim/AOT clean.
/// Failures are thrown as <see cref="ProviderException"/>s; it does not retry.
/// </summary>
internal sealed class AnthropicChatClient(ResolvedProvider provider, string modelId, int defaultMaxTokens, HttpClient httpClient, TimeProvider timeProvider)
    : IChatClient
{
    private readonly Uri _endpoint = MessagesEndpoint(provider.BaseUrl!);
    private readonly ChatClientMetadata _metadata = new(provider.Id, provider.BaseUrl, modelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = AnthropicRequestMapper.ToRequest(modelId, messages, options, defaultMaxTokens, stream: false);
        using var response = await SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var message = await JsonSerializer.DeserializeAsync(body, AnthropicJsonContext.Default.AnthropicMessagesResponse, cancellationToken)
            ?? throw new ProviderException(provider.Id, $"Provider '{provider.Id}' returned an empty response.");
        return AnthropicResponseMapper.ToChatResponse(message);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = AnthropicRequestMapper.ToRequest(modelId, messages, options, defaultMaxTokens, stream: true);
        using var response = await SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);

        string? messageId = null;
        string? model = null;
        AnthropicUsage? startUsage = null;
        int? outputTokens = null;
        ChatFinishReason? finishReason = null;
        var tools = new Dictionary<int, (string Id, string Name, StringBuilder Json)>();
        var stopped = false;

        ChatResponseUpdate Update(params AIContent[] contents) => new(ChatRole.Assistant, [.. contents])
        {
            ResponseId = messageId,
            MessageId = messageId,
            ModelId = model,
            CreatedAt = timeProvider.GetUtcNow(),
        };

        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(item.Data))
            {
                continue;
            }
            var ev = JsonSerializer.Deserialize(item.Data, AnthropicJsonContext.Default.AnthropicStreamEvent);
            switch (ev?.Type)
            {
                case "message_start":
                    messageId = ev.Message?.Id;
                    model = ev.Message?.Model;
                    startUsage = ev.Message?.Usage;
                    break;
                case "content_block_start" when ev.ContentBlock is { Type: "tool_use" } block:
                    tools[ev.Index ?? 0] = (block.Id ?? "", block.Name ?? "", new StringBuilder());
                    break;
                case "content_block_start" when ev.ContentBlock is { Type: "text", Text.Length: > 0 } block:
                    yield return Update(new TextContent(block.Text));
                    break;
                case "content_block_delta" when ev.Delta is { Type: "text_delta", Text: { } text }:
                    yield return Update(new TextContent(text));
                    break;
                case "content_block_delta" when ev.Delta is { Type: "input_json_delta" } delta && tools.TryGetValue(ev.Index ?? 0, out var pending):
                    pending.Json.Append(delta.PartialJson);
                    break;
                case "content_block_stop" when tools.Remove(ev.Index ?? 0, out var done):
                    yield return Update(AnthropicResponseMapper.ToolCall(done.Id, done.Name, done.Json.ToString()));
                    break;
                case "message_delta":
                    finishReason = AnthropicResponseMapper.FinishReason(ev.Delta?.StopReason) ?? finishReason;
                    outputTokens = ev.Usage?.OutputTokens ?? outputTokens;
                    break;
                case "message_stop":
                    stopped = true;
                    break;
                case "error":
                    throw StreamError(ev.Error);
            }
        }
        if (!stopped)
        {
            throw new ProviderException(provider.Id, $"Provider '{provider.Id}' ended the stream before message_stop.", null, isTransient: true);
        }

        var final = Update();
        final.FinishReason = finishReason;
        if (AnthropicResponseMapper.Usage(startUsage, outputTokens) is { } usage)
        {
            final.Contents.Add(new UsageContent(usage));
        }
        yield return final;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The HttpClient belongs to the router.
    }

    private async Task<HttpResponseMessage> SendAsync(AnthropicMessagesRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint)
        {
            Content = JsonContent(request),
        };
        if (provider.ApiKey is { } key)
        {
            message.Headers.TryAddWithoutValidation("x-api-key", key.Value);
        }
        message.Headers.TryAddWithoutValidation("anthropic-version", BuiltInProviders.AnthropicVersion);
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(request.Stream == true ? "text/event-stream" : "application/json"));
        foreach (var (name, value) in provider.Headers)
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, value);
        }

        var response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw ProviderErrors.FromResponse(provider, (int)response.StatusCode, name => Header(response, name), body, timeProvider.GetUtcNow());
        }
    }

    private ProviderException StreamError(AnthropicError? error)
    {
        var status = error?.Type switch
        {
            "overloaded_error" => 529,
            "rate_limit_error" => 429,
            "api_error" => 500,
            "authentication_error" => 401,
            "permission_error" => 403,
            _ => 400,
        };
        return ProviderErrors.FromResponse(provider, status, _ => null, error?.Message ?? "stream error", timeProvider.GetUtcNow());
    }

    private static ByteArrayContent JsonContent(AnthropicMessagesRequest request)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(request, AnthropicJsonContext.Default.AnthropicMessagesRequest));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static Uri MessagesEndpoint(Uri baseUrl)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root.EndsWith("/v1", StringComparison.Ordinal) ? root + "/messages" : root + "/v1/messages");
    }
}
