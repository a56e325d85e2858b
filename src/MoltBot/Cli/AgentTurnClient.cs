using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Agent;
using MoltBot.Configuration;
using MoltBot.Gateway.OpenAi;
using MoltBot.Hosting;
using MoltBot.Security.Secrets;

namespace MoltBot.Cli;

/// <summary><c>moltbot agent</c>: one turn through the running gateway's HTTP API (streamed), or in-process with <c>--local</c>.</summary>
internal static class AgentTurnClient
{
    public static async Task<int> RunLocalAsync(LoadedConfig loaded, AgentTurnRequest turn, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var secrets = SecretStore.Create(loaded.Config);
        try
        {
            secrets.Resolve(cancellationToken);
        }
        catch (ConfigException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return CliContext.ConfigErrorExitCode;
        }
        var services = new ServiceCollection().AddLogging().AddMoltBotCore(loaded, TimeProvider.System, secrets);
        await using var provider = services.BuildServiceProvider();
        MoltBotServices.WarmUp(provider);
        try
        {
            var streamed = false;
            var result = await provider.GetRequiredService<AgentRunner>().RunAsync(turn, async (delta, ct) =>
            {
                streamed = true;
                await output.WriteAsync(delta);
            }, cancellationToken);
            await output.WriteLineAsync(streamed ? "" : result.Text);
            return 0;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
    }

    public static async Task<int> RunRemoteAsync(LoadedConfig loaded, AgentTurnRequest turn, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = GatewayConnection.TryCreate(loaded, error);
        if (http is null)
        {
            await error.WriteLineAsync("Or run the turn in this process with --local.");
            return 1;
        }

        var body = new ChatCompletionRequest
        {
            Model = turn.AgentId is null ? ChatCompletionsEndpoints.ModelPrefix : $"{ChatCompletionsEndpoints.ModelPrefix}/{turn.AgentId}",
            Stream = true,
            User = turn.SessionKey,
            Messages = [new ChatCompletionRequestMessage { Role = "user", Content = JsonSerializer.SerializeToElement(turn.Text, OpenAiWireJsonContext.Default.String) }],
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions")
        {
            Content = new StringContent(JsonSerializer.Serialize(body, OpenAiWireJsonContext.Default.ChatCompletionRequest), Encoding.UTF8, "application/json"),
        };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException)
        {
            await error.WriteLineAsync(GatewayConnection.Unreachable(loaded) + " Or use --local.");
            return 1;
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                await error.WriteLineAsync("The gateway rejected the token. Check gateway.auth.token / MOLTBOT_GATEWAY_TOKEN match the running gateway.");
                return 1;
            }
            if (!response.IsSuccessStatusCode)
            {
                await error.WriteLineAsync($"error: {ErrorMessage(await response.Content.ReadAsStringAsync(cancellationToken))}");
                return 1;
            }
            return await CopyStreamAsync(response, output, error, cancellationToken);
        }
    }

    private static async Task<int> CopyStreamAsync(HttpResponseMessage response, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal) || line == "data: [DONE]")
            {
                continue;
            }
            var json = line["data: ".Length..];
            if (json.Contains("\"error\"", StringComparison.Ordinal) && !json.Contains("\"choices\"", StringComparison.Ordinal))
            {
                await output.WriteLineAsync();
                await error.WriteLineAsync($"error: {ErrorMessage(json)}");
                return 1;
            }
            var chunk = JsonSerializer.Deserialize(json, OpenAiWireJsonContext.Default.ChatCompletionResponse);
            if (chunk?.Choices is [{ Delta.Content: { } text }, ..])
            {
                await output.WriteAsync(text);
                await output.FlushAsync(cancellationToken);
            }
        }
        await output.WriteLineAsync();
        return 0;
    }

    private static string ErrorMessage(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, OpenAiWireJsonContext.Default.OpenAiErrorEnvelope)?.Error.Message ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
