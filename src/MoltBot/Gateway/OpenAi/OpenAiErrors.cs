using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace MoltBot.Gateway.OpenAi;

/// <summary>Errors in OpenAI's envelope, so existing OpenAI clients show the message instead of a parse failure.</summary>
internal static class OpenAiErrors
{
    public static Task WriteAsync(HttpResponse response, int status, string message, string type, string? code = null)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        return response.WriteAsync(Serialize(message, type, code));
    }

    public static string Serialize(string message, string type, string? code = null) =>
        JsonSerializer.Serialize(new OpenAiErrorEnvelope(new OpenAiError(message, type, code)), OpenAiWireJsonContext.Default.OpenAiErrorEnvelope);
}
