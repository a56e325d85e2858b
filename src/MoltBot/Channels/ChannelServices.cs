using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoltBot.Agent;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Channels.Access;
using MoltBot.Channels.Delivery;
using MoltBot.Channels.Pairing;
using MoltBot.Channels.RateLimits;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;
using MoltBot.Storage;

namespace MoltBot.Channels;

/// <summary>Access control and delivery shared by every channel adapter; adapters register an <see cref="IChannelSender"/>.</summary>
internal static class ChannelServices
{
    public static IServiceCollection AddChannelDelivery(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PairingStore(sp.Get<SqliteDatabase>(), sp.Get<TimeProvider>()));
        services.AddSingleton(sp => new DmAccessGate(sp.Get<PairingStore>()));
        services.AddSingleton(sp => new ChannelDeliveryStore(sp.Get<SqliteDatabase>(), sp.Get<TimeProvider>()));
        services.AddSingleton(sp => new ChannelRateLimits(sp.Get<MoltBotConfig>(), sp.Get<TimeProvider>()));
        services.AddSingleton(sp => new SenderRateGuard(sp.Get<ChannelRateLimits>(), sp.Get<MessageTraffic>(), sp.Get<IAuditLog>(), sp.Logger<SenderRateGuard>()));
        services.AddSingleton(sp => new OutboxWorker(
            sp.Get<ChannelDeliveryStore>(), sp.All<IChannelSender>(), sp.Get<TimeProvider>(), sp.Logger<OutboxWorker>(), sp.Get<MessageTraffic>()));
        services.AddSingleton<IHostedService>(sp => sp.Get<OutboxWorker>());
        services.AddSingleton(sp => new ChannelApprovalCommands(
            sp.Get<ApprovalChatCommand>(), sp.Get<PairingStore>(), sp.Get<ChannelDeliveryStore>(), sp.Get<OutboxWorker>(), sp.All<IChannelSender>()));
        services.AddSingleton<IApprovalNotifier>(sp => new ChannelApprovalNotifier(sp.Get<ChannelDeliveryStore>(), sp.Get<OutboxWorker>(), sp.All<IChannelSender>()));
        services.AddSingleton(sp => new ChannelDispatcher(
            sp.Get<ChannelDeliveryStore>(), sp.Get<DmAccessGate>(), sp.Get<AgentRunner>(), sp.Get<AgentCatalog>(), sp.All<IChannelSender>(), sp.Get<OutboxWorker>(),
            sp.Logger<ChannelDispatcher>(), sp.All<ITypingIndicator>(), sp.Get<ChannelApprovalCommands>(), sp.Get<MessageTraffic>(), sp.Get<SenderRateGuard>(),
            sp.Get<IAuditLog>(), sp.Get<ISecretRedactor>()));
        services.AddSingleton<IHostedService>(sp => sp.Get<ChannelDispatcher>());
        return services;
    }
}
