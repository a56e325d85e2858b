using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;

namespace MoltBot.Channels.Discord;

internal static class DiscordServices
{
    /// <summary>Registers the Discord channel when <c>channels.discord</c> has a token and is enabled.</summary>
    public static IServiceCollection AddDiscord(this IServiceCollection services, DiscordChannelConfig config)
    {
        if (!config.IsConfigured)
        {
            return services;
        }
        services.AddSingleton(config);
        services.AddSingleton(sp =>
        {
            var token = config.Token!;
            var client = new DiscordClient(
                new DiscordOptions { Token = token.Value, TokenSource = () => token.Value, ApiBaseUrl = config.ApiBaseUrl },
                new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
                sp.Get<TimeProvider>(),
                sp.Logger<DiscordClient>());
            token.Changed += _ => client.Reauthenticate(); // a rotated token: new session with the new token, no restart
            return client;
        });
        services.AddSingleton<IChannelSender>(sp => new DiscordSender(sp.Get<DiscordClient>()));
        services.AddSingleton<ITypingIndicator>(sp => new DiscordTypingIndicator(sp.Get<DiscordClient>(), sp.Get<TimeProvider>(), sp.Logger<DiscordTypingIndicator>()));
        services.AddSingleton<IChannelStatusSource>(sp => new DiscordStatusSource(sp.Get<DiscordClient>(), sp.Get<DiscordChannelConfig>(), sp.Get<ISecretRedactor>()));
        services.AddSingleton<IHostedService>(sp => new DiscordChannel(sp.Get<DiscordClient>(), sp.Get<DiscordChannelConfig>(), sp.Get<ChannelDispatcher>(), sp.Logger<DiscordChannel>()));
        return services;
    }
}
