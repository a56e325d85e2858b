using MoltBot.Channels;

namespace MoltBot.Tests.Channels;

/// <summary>A channel adapter's sending half that records what it sent and can be told to fail.</summary>
internal sealed class FakeChannelSender(string channel = "fakechat") : IChannelSender
{
    private readonly List<OutboundMessage> _sent = [];
    private int _failuresLeft;

    public string Channel { get; } = channel;

    public IReadOnlyList<OutboundMessage> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public int Attempts { get; private set; }

    public void FailNext(int times) => _failuresLeft = times;

    public IReadOnlyList<string> Split(string text) => text.Length <= 10 ? [text] : [text[..10], text[10..]];

    public Task SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        Attempts++;
        if (_failuresLeft > 0)
        {
            _failuresLeft--;
            throw new HttpRequestException("fake 502 from the channel");
        }
        lock (_sent)
        {
            _sent.Add(message);
        }
        return Task.CompletedTask;
    }
}
