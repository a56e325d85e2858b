using MoltBot.Agent.Tools.Approvals;

namespace MoltBot.Channels.Delivery;

/// <summary>Sends an approval request to the chat the turn came from, through the durable outbox like any reply.</summary>
internal sealed class ChannelApprovalNotifier(ChannelDeliveryStore delivery, OutboxWorker outbox, IEnumerable<IChannelSender> senders) : IApprovalNotifier
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    public bool TryNotify(PendingApproval approval, string text)
    {
        if (approval.Channel is not { } channel || approval.ChatId is not { } chatId || !_senders.TryGetValue(channel, out var sender))
        {
            return false;
        }
        delivery.Enqueue(channel, chatId, null, sender.Split(text));
        outbox.Wake();
        return true;
    }
}
