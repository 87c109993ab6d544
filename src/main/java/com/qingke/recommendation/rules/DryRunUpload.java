package com.qingke.recommendation.rules;

import jakarta.validation.constraints.NotEmpty;
import java.util.Map;

/**
 * A candidate rule set as JSON. {@code files} maps .drl file names to their text and {@code templates} maps template
 * names (templates/NAME.txt) to theirs. By default they are laid over the current rules folder (same name replaces,
 * new name adds); with {@code replace} the uploaded .drl files are the whole rule set.
 */
public record DryRunUpload(@NotEmpty(message = "请至少上传一个 .drl 规则文件") Map<String, String> files,
                           Map<String, String> templates, boolean replace) {
}
