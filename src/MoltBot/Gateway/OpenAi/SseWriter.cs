using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MoltBot.Gateway.OpenAi;

/// <summary>Writes <c>chat.completion.chunk</c> server-sent events, flushing each one so tokens reach the client as they come.</summary>
internal sealed class SseWriter(HttpResponse response, string id, long created, string model)
{
    public Task WriteDeltaAsync(ChatCompletionMessage delta, string? finishReason, CancellationToken cancellationToken)
    {
        var chunk = new ChatCompletionResponse(id, "chat.completion.chunk", created, model, [new ChatCompletionChoice(0, null, delta, finishReason)], null);
        return WriteDataAsync(JsonSerializer.Serialize(chunk, OpenAiWireJsonContext.Default.ChatCompletionResponse), cancellationToken);
    }

    public Task WriteErrorAsync(string message, string type, CancellationToken cancellationToken) =>
        WriteDataAsync(OpenAiErrors.Serialize(message, type), cancellationToken);

    public Task WriteDoneAsync(CancellationToken cancellationToken) => WriteDataAsync("[DONE]", cancellationToken);

    private async Task WriteDataAsync(string data, CancellationToken cancellationToken)
    {
        await response.WriteAsync("data: " + data + "\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
