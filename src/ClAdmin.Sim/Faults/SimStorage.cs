using ClAdmin.Sim.Model;

namespace ClAdmin.Sim.Faults;

/// <summary>
/// What the storage administrator does on the disk array (`cladmin sim grow disk TARGET SIZE`):
/// a LUN grows. The nodes see the new size at once (lsattr -El hdiskN -a size_in_mb); a volume group
/// on it keeps the size its descriptor area records until <c>chvg -g</c> (the seed notes' procedure).
/// </summary>
public static class SimStorage
{
    /// <summary>Grows the LUN <paramref name="target"/> (LUN id or NODE:hdiskN) to <paramref name="sizeMb"/> megabytes.</summary>
    public static FaultResult GrowDisk(SimWorld world, string target, int sizeMb)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(target);
        var colon = target.IndexOf(':', StringComparison.Ordinal);
        var disk = colon < 0
            ? world.FindDisk(target)
            : world.Disks.Find(d => d.NameOn(target[..colon]) == target[(colon + 1)..]);
        if (disk is null)
        {
            return FaultResult.Error($"no disk {target} (use a LUN id or NODE:hdiskN)");
        }
        if (sizeMb <= disk.SizeMb)
        {
            return FaultResult.Error($"disk {disk.Id} has {disk.SizeMb} MB; a LUN only grows (give more than that)");
        }
        if (disk.VgId is not null)
        {
            disk.VgdaSizeMb ??= disk.SizeMb;
        }
        disk.SizeMb = sizeMb;
        return FaultResult.Done($"disk {disk.Id} grown to {sizeMb} MB");
    }
}
