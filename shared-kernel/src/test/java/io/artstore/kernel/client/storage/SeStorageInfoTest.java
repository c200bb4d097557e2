package io.artstore.kernel.client.storage;

import io.artstore.kernel.client.admin.StorageElementRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The SE info (and admin-module's SE record) read with the house's strict JSON settings. */
class SeStorageInfoTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void fileSystemFieldsAreReadAndOptional() {
        SeStorageInfo.Capacity withFs = JSON.readValue("""
                {"storage_id":"se-1","mode":"rw","status":"online","version":"1","capacity":{"total_bytes":100,
                 "used_bytes":10,"available_bytes":90,"filesystem_id":"ab12","filesystem_total_bytes":500,
                 "filesystem_available_bytes":300}}""", SeStorageInfo.class).capacity();
        assertThat(withFs).isEqualTo(new SeStorageInfo.Capacity(100, 10, 90, "ab12", 500L, 300L));

        SeStorageInfo.Capacity older = JSON.readValue("""
                {"storage_id":"se-1","mode":"rw","status":"online","version":"1","capacity":{"total_bytes":100,
                 "used_bytes":10,"available_bytes":90}}""", SeStorageInfo.class).capacity();
        assertThat(older).isEqualTo(new SeStorageInfo.Capacity(100, 10, 90));
        assertThat(older.filesystemId()).isNull();
    }

    @Test
    void fieldsAddedLaterDoNotBreakTheReaders() {
        SeStorageInfo info = JSON.readValue("""
                {"storage_id":"se-1","mode":"rw","status":"online","version":"1","future":true,
                 "capacity":{"total_bytes":1,"used_bytes":0,"available_bytes":1,"future_bytes":7}}""", SeStorageInfo.class);
        assertThat(info.storageId()).isEqualTo("se-1");

        StorageElementRecord record = JSON.readValue("""
                {"id":"6f1c2d3e-4b5a-4c6d-8e9f-0a1b2c3d4e5f","name":"SE","url":"http://se","storage_id":"se-1",
                 "mode":"rw","status":"online","capacity_bytes":100,"used_bytes":10,"available_bytes":90,
                 "filesystem_id":"ab12","filesystem_total_bytes":500,"filesystem_available_bytes":300}""",
                StorageElementRecord.class);
        assertThat(record.free()).isEqualTo(90);
    }
}
