using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoltBot.Channels.Access;
using MoltBot.Channels.Delivery;
using MoltBot.Channels.Pairing;
using MoltBot.Channels.RateLimits;

namespace MoltBot.Channels;

/// <summary>Access control and delivery shared by every channel adapter; adapters register an <see cref="IChannelSender"/>.</summary>
internal static class ChannelServices
{
    public static IServiceCollection AddChannelDelivery(this IServiceCollection services)
    {
        services.AddSingleton<PairingStore>();
        services.AddSingleton(sp => new DmAccessGate(sp.GetRequiredService<PairingStore>()));
        services.AddSingleton<ChannelDeliveryStore>();
        services.AddSingleton<ChannelRateLimits>();
        services.AddSingleton<SenderRateGuard>();
        services.AddSingleton<OutboxWorker>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<OutboxWorker>());
        services.AddSingleton<ChannelApprovalCommands>();
        services.AddSingleton<MoltBot.Agent.Tools.Approvals.IApprovalNotifier, ChannelApprovalNotifier>();
        services.AddSingleton<ChannelDispatcher>();
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<ChannelDispatcher>());
        return services;
    }
}
