using System.Globalization;
using MoltBot.Configuration;
using MoltBot.Storage;

namespace MoltBot.Channels.Telegram;

/// <summary>
/// The next getUpdates offset, kept in <c>&lt;state&gt;/telegram.offset</c> so a restart does not ask Telegram for updates
/// it already confirmed (the inbox de-duplication would absorb such replays too; this just avoids them).
/// </summary>
internal sealed class TelegramOffsetStore(MoltBotPaths paths)
{
    private readonly string _path = Path.Combine(paths.StateDir, "telegram.offset");

    public long? Load() =>
        File.Exists(_path) && long.TryParse(File.ReadAllText(_path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : null;

    public void Save(long offset) => StateFiles.WritePrivate(_path, offset.ToString(CultureInfo.InvariantCulture));
}
