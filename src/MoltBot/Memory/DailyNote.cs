using System.Globalization;

namespace MoltBot.Memory;

/// <summary>Today's note, <c>memory/YYYY-MM-DD.md</c>, dated in the owner's time zone (<c>agents.defaults.userTimezone</c>), else UTC.</summary>
internal static class DailyNote
{
    public static string RelativePath(TimeProvider time, string? timeZone)
    {
        var now = time.GetUtcNow();
        if (timeZone is { Length: > 0 } && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone))
        {
            now = TimeZoneInfo.ConvertTime(now, zone);
        }
        return $"{MemoryFiles.Folder}/{now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.md";
    }
}
