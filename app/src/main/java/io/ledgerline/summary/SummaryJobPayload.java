package io.ledgerline.summary;

import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recompute job's payload, {@code {"orgId": "…"}}, read strictly: exactly one field,
 * a non-blank org id of the shape org ids have. Whether the org exists is checked next,
 * by {@link SummaryJobs}, still before the job reads or writes anything.
 */
record SummaryJobPayload(String orgId) {

	// A repeated key would let two org ids hide in one payload; trailing text is not a
	// payload either.
	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final Pattern ORG_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

	static SummaryJobPayload of(String orgId) {
		return new SummaryJobPayload(checkedOrgId(orgId));
	}

	static SummaryJobPayload parse(String json) {
		if (json == null || json.isBlank()) {
			throw new InvalidJobPayloadException("The payload is empty; expected {\"orgId\": \"…\"}.");
		}
		JsonNode tree;
		try {
			tree = JSON.readTree(json);
		}
		catch (JacksonException e) {
			throw new InvalidJobPayloadException("The payload is not JSON; expected {\"orgId\": \"…\"}.");
		}
		if (tree == null || !tree.isObject()) {
			throw new InvalidJobPayloadException("The payload must be a JSON object {\"orgId\": \"…\"}.");
		}
		for (Map.Entry<String, JsonNode> field : tree.properties()) {
			if (!"orgId".equals(field.getKey())) {
				throw new InvalidJobPayloadException(
						"Unknown field \"" + field.getKey() + "\"; the payload has only orgId.");
			}
		}
		JsonNode orgId = tree.get("orgId");
		if (orgId == null || orgId.isNull()) {
			throw new InvalidJobPayloadException("orgId is missing.");
		}
		if (!orgId.isString()) {
			throw new InvalidJobPayloadException("orgId must be a string.");
		}
		return new SummaryJobPayload(checkedOrgId(orgId.stringValue()));
	}

	String toJson() {
		return JSON.createObjectNode().put("orgId", orgId).toString();
	}

	private static String checkedOrgId(String orgId) {
		if (orgId == null || orgId.isBlank()) {
			throw new InvalidJobPayloadException("orgId is blank.");
		}
		if (!ORG_ID.matcher(orgId).matches()) {
			throw new InvalidJobPayloadException("orgId is not an org id (letters, digits, '-' or '_', up to 40).");
		}
		return orgId;
	}

}
