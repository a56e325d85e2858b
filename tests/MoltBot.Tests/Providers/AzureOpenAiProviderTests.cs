using Azure.Core;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.TestSupport;

namespace MoltBot.Tests.Providers;

public sealed class AzureOpenAiProviderTests
{
    private sealed class FakeTokenCredential : TokenCredential
    {
        public List<string[]> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.Add(requestContext.Scopes);
            return new AccessToken("fake-entra-token", DateTimeOffset.MaxValue);
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    [Fact]
    public async Task GetResponse_ApiKey_SendsApiKeyHeaderDeploymentPathAndApiVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueText("hi from azure");
        var config = ProviderConfigs.With(("azure-openai", new ProviderConfig
        {
            BaseUrl = server.RootUrl.ToString(),
            ApiKey = ProviderConfigs.Key("azure-key-789", "models.providers.azure-openai.apiKey"),
        }));
        using var client = new ModelRouter(config, TimeProvider.System).CreateClient(["azure-openai/gpt4o-prod"]);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct);

        Assert.Equal("hi from azure", response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/deployments/gpt4o-prod/chat/completions", request.Path);
        Assert.Equal("?api-version=2024-10-21", request.Query);
        Assert.Equal("azure-key-789", request.Header("api-key"));
        Assert.Null(request.Header("Authorization"));
    }

    [Fact]
    public async Task GetStreamingResponse_NoKey_UsesTokenCredentialBearerAndConfiguredApiVersion()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueToolCall("lookup", """{"q":"x"}""", "call_9");
        var config = ProviderConfigs.With(("azure-openai", new ProviderConfig
        {
            BaseUrl = server.RootUrl.ToString(),
            ApiVersion = "2025-01-01-preview",
        }));
        var credential = new FakeTokenCredential();
        using var client = new ModelRouter(config, TimeProvider.System, new ModelRouterOptions { AzureCredential = credential })
            .CreateClient(["azure-openai/gpt4o-prod"]);

        var updates = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct).ToListAsync(ct);

        var call = Assert.Single(updates.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("call_9", call.CallId);
        var request = Assert.Single(server.Requests);
        Assert.Equal("Bearer fake-entra-token", request.Header("Authorization"));
        Assert.Null(request.Header("api-key"));
        Assert.Equal("?api-version=2025-01-01-preview", request.Query);
        Assert.Equal(["https://cognitiveservices.azure.com/.default"], credential.Scopes[0]);
    }
}
