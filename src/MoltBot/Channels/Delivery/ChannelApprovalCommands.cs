using MoltBot.Agent.Tools.Approvals;
using MoltBot.Channels.Access;
using MoltBot.Channels.Pairing;

namespace MoltBot.Channels.Delivery;

/// <summary>
/// Answers <c>/approve</c> and <c>/deny</c> from a chat at once, outside the session lane (the waiting turn holds it).
/// Only the owner counts: a sender listed in <c>dm.allowFrom</c> or paired, writing in the chat the request went to.
/// </summary>
internal sealed class ChannelApprovalCommands(
    ApprovalChatCommand command, PairingStore pairing, ChannelDeliveryStore delivery, OutboxWorker outbox, IEnumerable<IChannelSender> senders)
{
    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);

    /// <summary>True when the message was an approval command (answered, or a duplicate of one).</summary>
    public bool TryAnswer(InboundMessage message, DmAccessOptions access)
    {
        if (!ApprovalChatCommand.IsCommand(message.Text))
        {
            return false;
        }
        if (!delivery.TryRecord(message, ChannelDeliveryStore.Answered, null))
        {
            return true;
        }
        var isOwner = access.AllowFrom.Contains(message.SenderId, StringComparer.Ordinal) || pairing.IsApproved(message.Channel, message.SenderId);
        var reply = command.TryHandle(message.Text, new ApprovalActor(message.Channel, message.ChatId, message.SenderId, isOwner))!;
        delivery.Enqueue(message.Channel, message.ChatId, message.MessageId, _senders.TryGetValue(message.Channel, out var sender) ? sender.Split(reply) : [reply]);
        outbox.Wake();
        return true;
    }
}
