plugins {
  java
  id("org.springframework.boot") version "3.1.5"
}
version = "1.2.0"
java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }
