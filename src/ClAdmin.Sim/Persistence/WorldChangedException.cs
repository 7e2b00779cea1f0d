namespace ClAdmin.Sim.Persistence;

/// <summary>
/// A file's content, read from the store on first use, would come from a newer save of the world
/// than the one loaded (another cladmin process saved in between): reading it would mix two states
/// of the world. The world must be loaded again and the command run on it (SimTransport does).
/// </summary>
public sealed class WorldChangedException : Exception
{
    public WorldChangedException()
        : base("the simulated world changed underneath: load it again")
    {
    }

    public WorldChangedException(string message)
        : base(message)
    {
    }

    public WorldChangedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
