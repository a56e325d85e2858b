using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Configuration;

namespace MoltBot.Channels.Telegram;

/// <summary>Registers the Telegram adapter when <c>channels.telegram</c> has a bot token (and is not disabled).</summary>
internal static class TelegramServiceCollectionExtensions
{
    public static IServiceCollection AddTelegram(this IServiceCollection services, MoltBotConfig config)
    {
        var telegram = config.Channels.Telegram;
        if (!telegram.IsConfigured)
        {
            return services;
        }
        services.AddSingleton(sp => new TelegramBotApiClient(telegram.ApiRoot, () => telegram.BotToken!.Value, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<TelegramOffsetStore>();
        services.AddSingleton<IChannelSender, TelegramSender>();
        services.AddSingleton<ITypingIndicator, TelegramTypingIndicator>();
        services.AddSingleton<TelegramChannel>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<TelegramChannel>());
        services.AddSingleton<IChannelStatusSource>(sp => sp.GetRequiredService<TelegramChannel>());
        return services;
    }
}
