using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoltBot.Channels.Delivery;
using MoltBot.Channels.Telegram.Api;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;

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
        services.AddSingleton(sp => new TelegramBotApiClient(telegram.ApiRoot, () => telegram.BotToken!.Value, sp.Get<TimeProvider>()));
        services.AddSingleton(sp => new TelegramOffsetStore(sp.Get<MoltBotPaths>()));
        services.AddSingleton<IChannelSender>(sp => new TelegramSender(sp.Get<TelegramBotApiClient>(), sp.Logger<TelegramSender>()));
        services.AddSingleton<ITypingIndicator>(sp => new TelegramTypingIndicator(sp.Get<TelegramBotApiClient>(), sp.Get<TimeProvider>(), sp.Logger<TelegramTypingIndicator>()));
        services.AddSingleton(sp => new TelegramChannel(
            sp.Get<TelegramBotApiClient>(), sp.Get<ChannelDispatcher>(), sp.Get<TelegramOffsetStore>(), sp.Get<MoltBotConfig>(), sp.Get<MoltBotPaths>(), sp.Get<TimeProvider>(),
            sp.Logger<TelegramChannel>(), sp.Get<ISecretRedactor>()));
        services.AddSingleton<IHostedService>(sp => sp.Get<TelegramChannel>());
        services.AddSingleton<IChannelStatusSource>(sp => sp.Get<TelegramChannel>());
        return services;
    }
}
