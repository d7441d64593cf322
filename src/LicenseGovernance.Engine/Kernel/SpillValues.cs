using System;
using System.IO;

namespace LicenseGovernance.Engine.Kernel
{
    /// <summary>The values a spill record holds that <see cref="BinaryWriter"/> has no form for: those that may be missing, and dates.</summary>
    internal static class SpillValues
    {
        public static void WriteOptional(this BinaryWriter writer, string? value)
        {
            writer.Write(value != null);
            if (value != null)
            {
                writer.Write(value);
            }
        }

        public static string? ReadOptionalString(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

        public static void WriteOptional(this BinaryWriter writer, Guid? value)
        {
            writer.Write(value.HasValue);
            if (value.HasValue)
            {
                writer.Write(value.Value);
            }
        }

        public static void Write(this BinaryWriter writer, Guid value) => writer.Write(value.ToByteArray());

        public static Guid ReadGuid(this BinaryReader reader) => new Guid(reader.ReadBytes(16));

        public static Guid? ReadOptionalGuid(this BinaryReader reader) => reader.ReadBoolean() ? reader.ReadGuid() : (Guid?)null;

        /// <summary>A point in time with its offset, to the tick, as Graph gave it.</summary>
        public static void WriteOptional(this BinaryWriter writer, DateTimeOffset? value)
        {
            writer.Write(value.HasValue);
            if (value.HasValue)
            {
                writer.Write(value.Value.Ticks);
                writer.Write((short)value.Value.Offset.TotalMinutes);
            }
        }

        public static DateTimeOffset? ReadOptionalDateTimeOffset(this BinaryReader reader) =>
            reader.ReadBoolean() ? new DateTimeOffset(reader.ReadInt64(), TimeSpan.FromMinutes(reader.ReadInt16())) : (DateTimeOffset?)null;
    }
}
