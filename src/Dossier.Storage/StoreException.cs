namespace Dossier.Storage;

/// <summary>
/// A store that cannot be used as asked: not a database, from a newer Dossier, unwritable. The
/// message is one line a user can act on, naming the store.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public StoreException()
    {
    }
}
