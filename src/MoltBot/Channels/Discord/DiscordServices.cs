using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Configuration;

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
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<DiscordClient>>());
            token.Changed += _ => client.Reauthenticate(); // a rotated token: new session with the new token, no restart
            return client;
        });
        services.AddSingleton<IChannelSender, DiscordSender>();
        services.AddSingleton<ITypingIndicator, DiscordTypingIndicator>();
        services.AddSingleton<IChannelStatusSource, DiscordStatusSource>();
        services.AddSingleton<IHostedService, DiscordChannel>();
        return services;
    }
}
