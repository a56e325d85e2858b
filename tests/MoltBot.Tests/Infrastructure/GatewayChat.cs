using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MoltBot.Tests.Infrastructure;

/// <summary>Speaks the OpenAI-compatible API the way an OpenAI client would.</summary>
internal static class GatewayChat
{
    public static Task<HttpResponseMessage> PostAsync(HttpClient http, string text, string? user = null, bool stream = false, string model = "moltbot") =>
        http.PostAsJsonAsync("/v1/chat/completions", new JsonObject
        {
            ["model"] = model,
            ["stream"] = stream,
            ["user"] = user,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = text }),
        }, TestContext.Current.CancellationToken);

    /// <summary>Sends <paramref name="text"/> and returns the assistant's reply, failing with the body on a non-2xx answer.</summary>
    public static async Task<string> AskAsync(HttpClient http, string text, string? user = null)
    {
        using var response = await PostAsync(http, text, user);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!["choices"]![0]!["message"]!["content"]!.GetValue<string>();
    }
}
