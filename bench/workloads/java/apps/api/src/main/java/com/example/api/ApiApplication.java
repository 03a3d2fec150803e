package com.example.api;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.validation.constraints.Pattern;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Stores greetings with Spring Data JPA on H2, validates the name with Bean Validation. */
@SpringBootApplication
@RestController
@Validated
public class ApiApplication {
  private final Greetings greetings;

  public ApiApplication(Greetings greetings) {
    this.greetings = greetings;
  }

  public static void main(String[] args) {
    SpringApplication.run(ApiApplication.class, args);
  }

  @GetMapping("/greet/{name}")
  public Map<String, Object> greet(@PathVariable @Pattern(regexp = "[A-Za-z]{1,40}") String name) {
    Greeting saved = greetings.save(new Greeting("Hello, " + name));
    return Map.of("greeting", saved.text, "stored", greetings.count());
  }

  @Entity
  public static class Greeting {
    @Id @GeneratedValue Long id;
    String text;

    protected Greeting() {}

    Greeting(String text) {
      this.text = text;
    }
  }

  public interface Greetings extends JpaRepository<Greeting, Long> {}
}
