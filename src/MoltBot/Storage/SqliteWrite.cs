namespace MoltBot.Storage;

/// <summary>A write transaction on a <see cref="SqliteLease"/>: rolled back on dispose unless <see cref="Commit"/> ran.</summary>
internal readonly struct SqliteWrite(SqliteLease lease) : IDisposable
{
    public void Commit() => lease.Commit();

    public void Dispose() => lease.RollbackIfOpen();
}
