using System.Text.Json;
using ClAdmin.Sim.Model;

namespace ClAdmin.Sim;

/// <summary>
/// Writes the world document (see <see cref="WorldJson"/>). One method per model class, each
/// writing the properties in declaration order; a class that only occurs in a collection is
/// written with its collection (<see cref="WriteNodes"/> writes "nodes":[...]). Null values are
/// left out, as System.Text.Json left them out.
/// </summary>
internal static class WorldJsonWriter
{
    /// <param name="contentsApart">Files' contents are kept by the store: "apart":true and the
    /// content's revision ("rev") are written instead of the content.</param>
    public static void WriteWorld(Utf8JsonWriter w, SimWorld world, bool contentsApart = false)
    {
        w.WriteStartObject();
        w.WriteNumber("format"u8, world.Format);
        w.WriteNumber("seed"u8, world.Seed);
        w.WriteString("clock"u8, world.Clock);
        w.WriteString("timeZone"u8, world.TimeZone);
        w.WriteNumber("nextPid"u8, world.NextPid);
        w.WriteNumber("nextSerial"u8, world.NextSerial);
        WriteNodes(w, world.Nodes, contentsApart);
        WriteDisks(w, world.Disks);
        WriteVolumeGroups(w, world.VolumeGroups);
        WriteNetworks(w, world.Networks);
        WriteNonIpLinks(w, world.NonIpLinks);
        WriteFaults(w, world.Faults);
        WriteCluster(w, world.Cluster);
        w.WriteEndObject();
    }

    private static void WriteNodes(Utf8JsonWriter w, List<SimNode> nodes, bool contentsApart)
    {
        w.WriteStartArray("nodes"u8);
        foreach (var node in nodes)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, node.Name);
            w.WriteString("hostname"u8, node.Hostname);
            w.WriteBoolean("up"u8, node.Up);
            w.WriteString("machineId"u8, node.MachineId);
            w.WriteNumber("nodeNumber"u8, node.NodeNumber);
            WriteInterfaces(w, node.Interfaces);
            WriteSubsystems(w, node.Subsystems);
            WriteUsers(w, node.Users);
            WriteGroups(w, node.Groups);
            WriteFiles(w, node.Files, contentsApart);
            WriteStrings(w, "directories"u8, node.Directories);
            WriteNodeVolumeGroups(w, node.VolumeGroups);
            WriteFileSystems(w, node.FileSystems);
            WriteMounts(w, node.Mounts);
            WriteProcesses(w, node.Processes);
            WriteMetrics(w, node.Metrics);
            if (!WriteUnread(w, "software"u8, node.SoftwarePart.Unread))
            {
                WriteSoftware(w, node.Software);
            }
            w.WriteString("clusterManagerState"u8, node.ClusterManagerState);
            w.WriteNumber("varyOnCounter"u8, node.VaryOnCounter);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>Writes a part of a node that nothing read since it was loaded (see <see cref="Deferred{T}"/>)
    /// as it was stored: checked when read, and nothing changed it. False when there is none.</summary>
    private static bool WriteUnread(Utf8JsonWriter w, ReadOnlySpan<byte> name, ReadOnlyMemory<byte> unread)
    {
        if (unread.IsEmpty)
        {
            return false;
        }
        w.WritePropertyName(name);
        w.WriteRawValue(unread.Span, skipInputValidation: true);
        return true;
    }

    private static void WriteInterfaces(Utf8JsonWriter w, List<NetInterface> interfaces)
    {
        w.WriteStartArray("interfaces"u8);
        foreach (var nic in interfaces)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, nic.Name);
            w.WriteString("network"u8, nic.Network);
            w.WriteString("mac"u8, nic.Mac);
            w.WriteNumber("mtu"u8, nic.Mtu);
            w.WriteBoolean("up"u8, nic.Up);
            WriteAddresses(w, nic.Addresses);
            w.WriteNumber("ipkts"u8, nic.Ipkts);
            w.WriteNumber("opkts"u8, nic.Opkts);
            if (nic.OdmAddress is { } odm)
            {
                w.WriteStartObject("odmAddress"u8);
                w.WriteString("address"u8, odm.Address);
                w.WriteString("netmask"u8, odm.Netmask);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteAddresses(Utf8JsonWriter w, List<IpAddress> addresses)
    {
        w.WriteStartArray("addresses"u8);
        foreach (var address in addresses)
        {
            w.WriteStartObject();
            w.WriteString("address"u8, address.Address);
            w.WriteString("netmask"u8, address.Netmask);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSubsystems(Utf8JsonWriter w, List<SrcSubsystem> subsystems)
    {
        w.WriteStartArray("subsystems"u8);
        foreach (var subsystem in subsystems)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, subsystem.Name);
            w.WriteString("group"u8, subsystem.Group);
            if (subsystem.Pid is { } pid)
            {
                w.WriteNumber("pid"u8, pid);
            }
            w.WriteString("status"u8, subsystem.Status);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteUsers(Utf8JsonWriter w, List<SimUser> users)
    {
        w.WriteStartArray("users"u8);
        foreach (var user in users)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, user.Name);
            w.WriteNumber("id"u8, user.Id);
            w.WriteString("pgrp"u8, user.Pgrp);
            WriteStrings(w, "groups"u8, user.Groups);
            w.WriteString("home"u8, user.Home);
            w.WriteString("shell"u8, user.Shell);
            w.WriteString("passwordHash"u8, user.PasswordHash);
            w.WriteString("passwordFlags"u8, user.PasswordFlags);
            w.WriteNumber("passwordLastUpdate"u8, user.PasswordLastUpdate);
            WriteStringMap(w, "attributes"u8, user.Attributes);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteGroups(Utf8JsonWriter w, List<SimGroup> groups)
    {
        w.WriteStartArray("groups"u8);
        foreach (var group in groups)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, group.Name);
            w.WriteNumber("id"u8, group.Id);
            w.WriteBoolean("admin"u8, group.Admin);
            WriteStrings(w, "users"u8, group.Users);
            WriteStrings(w, "adms"u8, group.Adms);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>"files":{path:{...}}; <see cref="SimFile.IsExecutable"/> is written too, as the
    /// generated serializer wrote every public property.</summary>
    private static void WriteFiles(Utf8JsonWriter w, SortedDictionary<string, SimFile> files, bool contentsApart)
    {
        w.WriteStartObject("files"u8);
        foreach (var (path, file) in files)
        {
            w.WriteStartObject(path);
            if (contentsApart)
            {
                w.WriteBoolean("apart"u8, true);
                w.WriteNumber("rev"u8, file.Revision);
            }
            else
            {
                w.WriteString("content"u8, file.Content);
            }
            w.WriteString("mode"u8, file.Mode);
            w.WriteString("owner"u8, file.Owner);
            w.WriteString("group"u8, file.Group);
            w.WriteString("modified"u8, file.Modified);
            w.WriteBoolean("isExecutable"u8, file.IsExecutable);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteNodeVolumeGroups(Utf8JsonWriter w, List<NodeVolumeGroup> volumeGroups)
    {
        w.WriteStartArray("volumeGroups"u8);
        foreach (var vg in volumeGroups)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, vg.Name);
            w.WriteString("vgId"u8, vg.VgId);
            w.WriteNumber("major"u8, vg.Major);
            w.WriteBoolean("autoOn"u8, vg.AutoOn);
            WriteVaryState(w, vg.State);
            w.WriteBoolean("concurrentMode"u8, vg.ConcurrentMode);
            w.WriteNumber("odmTimestamp"u8, vg.OdmTimestamp);
            w.WriteNumber("varyOnOrder"u8, vg.VaryOnOrder);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>"state":"Active"; a value outside the enum as its number, as
    /// JsonStringEnumConverter wrote it.</summary>
    private static void WriteVaryState(Utf8JsonWriter w, VaryState state)
    {
        switch (state)
        {
            case VaryState.Off: w.WriteString("state"u8, "Off"u8); break;
            case VaryState.Active: w.WriteString("state"u8, "Active"u8); break;
            case VaryState.Passive: w.WriteString("state"u8, "Passive"u8); break;
            default: w.WriteNumber("state"u8, (int)state); break;
        }
    }

    private static void WriteFileSystems(Utf8JsonWriter w, List<FsStanza> fileSystems)
    {
        w.WriteStartArray("fileSystems"u8);
        foreach (var fs in fileSystems)
        {
            w.WriteStartObject();
            w.WriteString("mountPoint"u8, fs.MountPoint);
            w.WriteString("dev"u8, fs.Dev);
            w.WriteString("vfs"u8, fs.Vfs);
            w.WriteString("log"u8, fs.Log);
            w.WriteString("mount"u8, fs.Mount);
            w.WriteString("options"u8, fs.Options);
            w.WriteString("account"u8, fs.Account);
            w.WriteBoolean("pseudo"u8, fs.Pseudo);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteMounts(Utf8JsonWriter w, List<MountEntry> mounts)
    {
        w.WriteStartArray("mounts"u8);
        foreach (var mount in mounts)
        {
            w.WriteStartObject();
            w.WriteString("device"u8, mount.Device);
            w.WriteString("mountPoint"u8, mount.MountPoint);
            w.WriteString("vfs"u8, mount.Vfs);
            w.WriteString("when"u8, mount.When);
            w.WriteString("options"u8, mount.Options);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteProcesses(Utf8JsonWriter w, List<SimProcess> processes)
    {
        w.WriteStartArray("processes"u8);
        foreach (var process in processes)
        {
            w.WriteStartObject();
            w.WriteNumber("pid"u8, process.Pid);
            w.WriteString("command"u8, process.Command);
            w.WriteString("started"u8, process.Started);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSoftware(Utf8JsonWriter w, NodeSoftware software)
    {
        w.WriteStartObject("software"u8);
        w.WriteString("osLevel"u8, software.OsLevel);
        w.WriteStartArray("filesets"u8);
        foreach (var f in software.Filesets)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, f.Name);
            w.WriteString("level"u8, f.Level);
            w.WriteString("state"u8, f.State);
            w.WriteString("description"u8, f.Description);
            w.WriteBoolean("root"u8, f.Root);
            if (f.PreviousLevel is not null)
            {
                w.WriteString("previousLevel"u8, f.PreviousLevel);
            }
            if (f.PreviousState is not null)
            {
                w.WriteString("previousState"u8, f.PreviousState);
            }
            w.WriteStartArray("history"u8);
            foreach (var e in f.History)
            {
                w.WriteStartObject();
                w.WriteString("level"u8, e.Level);
                w.WriteString("action"u8, e.Action);
                w.WriteString("status"u8, e.Status);
                w.WriteString("when"u8, e.When);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteBoolean("rebootPending"u8, software.RebootPending);
        w.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter w, NodeMetrics metrics)
    {
        w.WriteStartObject("metrics"u8);
        w.WriteNumber("cpuIdlePercent"u8, metrics.CpuIdlePercent);
        w.WriteNumber("freeMemoryMb"u8, metrics.FreeMemoryMb);
        w.WriteNumber("diskBusyPercent"u8, metrics.DiskBusyPercent);
        w.WriteEndObject();
    }

    private static void WriteDisks(Utf8JsonWriter w, List<SimDisk> disks)
    {
        w.WriteStartArray("disks"u8);
        foreach (var disk in disks)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, disk.Id);
            if (disk.Pvid is not null)
            {
                w.WriteString("pvid"u8, disk.Pvid);
            }
            w.WriteNumber("sizeMb"u8, disk.SizeMb);
            WriteStringMap(w, "names"u8, disk.Names);
            if (disk.VgId is not null)
            {
                w.WriteString("vgId"u8, disk.VgId);
            }
            w.WriteBoolean("failed"u8, disk.Failed);
            w.WriteString("description"u8, disk.Description);
            w.WriteString("location"u8, disk.Location);
            w.WriteString("reservePolicy"u8, disk.ReservePolicy);
            if (disk.VgdaSizeMb is { } vgdaSize)
            {
                w.WriteNumber("vgdaSizeMb"u8, vgdaSize);
            }
            WriteStringMap(w, "unconfigured"u8, disk.Unconfigured);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteVolumeGroups(Utf8JsonWriter w, List<VolumeGroup> volumeGroups)
    {
        w.WriteStartArray("volumeGroups"u8);
        foreach (var vg in volumeGroups)
        {
            w.WriteStartObject();
            w.WriteString("vgId"u8, vg.VgId);
            w.WriteString("name"u8, vg.Name);
            w.WriteNumber("ppSizeMb"u8, vg.PpSizeMb);
            w.WriteBoolean("enhancedConcurrent"u8, vg.EnhancedConcurrent);
            w.WriteBoolean("quorum"u8, vg.Quorum);
            WriteStrings(w, "disks"u8, vg.Disks);
            WriteLogicalVolumes(w, vg.LogicalVolumes);
            w.WriteNumber("timestamp"u8, vg.Timestamp);
            if (vg.ReservedBy is not null)
            {
                w.WriteString("reservedBy"u8, vg.ReservedBy);
            }
            w.WriteBoolean("autoSync"u8, vg.AutoSync);
            w.WriteString("hotSpare"u8, vg.HotSpare);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteLogicalVolumes(Utf8JsonWriter w, List<LogicalVolume> logicalVolumes)
    {
        w.WriteStartArray("logicalVolumes"u8);
        foreach (var lv in logicalVolumes)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, lv.Name);
            w.WriteString("type"u8, lv.Type);
            w.WriteNumber("lps"u8, lv.Lps);
            w.WriteStartObject("ppsByDisk"u8);
            foreach (var (disk, pps) in lv.PpsByDisk)
            {
                w.WriteNumber(disk, pps);
            }
            w.WriteEndObject();
            w.WriteNumber("minor"u8, lv.Minor);
            w.WriteNumber("maxLps"u8, lv.MaxLps);
            if (lv.Label is not null)
            {
                w.WriteString("label"u8, lv.Label);
            }
            w.WriteNumber("fsSizeBlocks"u8, lv.FsSizeBlocks);
            w.WriteNumber("fsUsedBlocks"u8, lv.FsUsedBlocks);
            w.WriteNumber("fsUsedInodes"u8, lv.FsUsedInodes);
            w.WriteStartArray("mirrors"u8);
            foreach (var copy in lv.Mirrors)
            {
                w.WriteStartObject();
                foreach (var (disk, pps) in copy)
                {
                    w.WriteNumber(disk, pps);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("stalePps"u8, lv.StalePps);
            WriteStringMap(w, "policies"u8, lv.Policies);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteNetworks(Utf8JsonWriter w, List<IpNetwork> networks)
    {
        w.WriteStartArray("networks"u8);
        foreach (var network in networks)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, network.Name);
            w.WriteString("type"u8, network.Type);
            WriteStrings(w, "subnets"u8, network.Subnets);
            w.WriteBoolean("failed"u8, network.Failed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteNonIpLinks(Utf8JsonWriter w, List<NonIpLink> links)
    {
        w.WriteStartArray("nonIpLinks"u8);
        foreach (var link in links)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, link.Name);
            w.WriteString("type"u8, link.Type);
            WriteStrings(w, "nodes"u8, link.Nodes);
            w.WriteString("device"u8, link.Device);
            w.WriteBoolean("failed"u8, link.Failed);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteFaults(Utf8JsonWriter w, List<SimFault> faults)
    {
        w.WriteStartArray("faults"u8);
        foreach (var fault in faults)
        {
            w.WriteStartObject();
            w.WriteString("kind"u8, fault.Kind);
            w.WriteString("target"u8, fault.Target);
            w.WriteString("since"u8, fault.Since);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteCluster(Utf8JsonWriter w, ClusterRuntime c)
    {
        w.WriteStartObject("cluster"u8);
        w.WriteString("mode"u8, c.Mode);
        w.WriteStartArray("queue"u8);
        foreach (var e in c.Queue)
        {
            w.WriteStartObject();
            w.WriteString("name"u8, e.Name);
            WriteStrings(w, "args"u8, e.Args);
            w.WriteString("mode"u8, e.Mode);
            w.WriteString("group"u8, e.Group);
            w.WriteString("target"u8, e.Target);
            WriteStrings(w, "plan"u8, e.Plan);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("groups"u8);
        foreach (var g in c.Groups)
        {
            w.WriteStartObject();
            w.WriteString("group"u8, g.Group);
            w.WriteString("node"u8, g.Node);
            w.WriteString("state"u8, g.State);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteStrings(w, "forcedDown"u8, c.ForcedDown);
        w.WriteString("failedEvent"u8, c.FailedEvent);
        w.WriteString("failedNode"u8, c.FailedNode);
        w.WriteString("failedSince"u8, c.FailedSince);
        w.WriteNumber("warnings"u8, c.Warnings);
        w.WriteString("lastEvent"u8, c.LastEvent);
        w.WriteNumber("lastEventNode"u8, c.LastEventNode);
        WriteStringMap(w, "priorityOverride"u8, c.PriorityOverride);
        WriteStringMap(w, "offlineReasons"u8, c.OfflineReasons);
        WriteStrings(w, "detected"u8, c.Detected);
        w.WriteStartObject("timers"u8);
        foreach (var (name, due) in c.Timers)
        {
            w.WriteString(name, due);
        }
        w.WriteEndObject();
        w.WriteStartArray("monitors"u8);
        foreach (var m in c.Monitors)
        {
            w.WriteStartObject();
            w.WriteString("node"u8, m.Node);
            w.WriteString("monitor"u8, m.Monitor);
            w.WriteNumber("restarts"u8, m.Restarts);
            w.WriteString("lastRestart"u8, m.LastRestart);
            w.WriteString("state"u8, m.State);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("heartbeats"u8);
        foreach (var h in c.Heartbeats)
        {
            w.WriteStartObject();
            w.WriteString("ring"u8, h.Ring);
            w.WriteString("type"u8, h.Type);
            w.WriteNumber("interval"u8, h.Interval);
            w.WriteNumber("sensitivity"u8, h.Sensitivity);
            w.WriteString("node"u8, h.Node);
            w.WriteString("adapter"u8, h.Adapter);
            w.WriteString("address"u8, h.Address);
            w.WriteNumber("missed"u8, h.Missed);
            w.WriteBoolean("silent"u8, h.Silent);
            w.WriteString("since"u8, h.Since);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A list or set of strings as an array.</summary>
    private static void WriteStrings(Utf8JsonWriter w, ReadOnlySpan<byte> name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.WriteStringValue(value);
        }
        w.WriteEndArray();
    }

    /// <summary>A string-to-string dictionary as an object, in its (ordinal) key order.</summary>
    private static void WriteStringMap(Utf8JsonWriter w, ReadOnlySpan<byte> name, SortedDictionary<string, string> map)
    {
        w.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            w.WriteString(key, value);
        }
        w.WriteEndObject();
    }
}
